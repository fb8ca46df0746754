package org.diplomacykg.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.RDFParserBuilder;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses Turtle files (and, for the store's loader, other RDF syntaxes) so that every problem
 * names the file, line and column: Jena's default error handler reports line and column but
 * not which file.
 */
final class TurtleFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TurtleFiles.class);

    /** Parses the file into the graph; a syntax error throws {@link LoadException}. */
    static void read(Path file, Graph into) {
        try {
            RDFParser.source(file)
                .lang(Lang.TURTLE)
                .errorHandler(new FileErrorHandler(file))
                .parse(into);
        } catch (RiotException ex) {
            // Not a syntax error (those the handler turns into LoadException): e.g. the file vanished.
            throw new LoadException(file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Parses the file in the given syntax into a stream, so that a large file need not be
     * held in memory; a syntax error throws {@link LoadException}.
     */
    static void parse(Path file, Lang lang, StreamRDF into) {
        parse(file, lang, into, false);
    }

    /**
     * As {@link #parse(Path, Lang, StreamRDF)}; with {@code labelsAsWritten}, a blank node keeps
     * the label N-Quads wrote it with ({@code _:B...}, encoded), so that a copy of a store holds
     * the same blank nodes as the store.
     */
    static void parse(Path file, Lang lang, StreamRDF into, boolean labelsAsWritten) {
        if ( file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ) {
            // With the syntax given, the parser reads the bytes as they are: unzip them here.
            try ( InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16) ) {
                parse(file, labels(RDFParser.source(in), labelsAsWritten), lang, into);
            } catch (IOException ex) {
                throw new LoadException("Cannot read " + file + ": " + ex.getMessage(), ex);
            }
            return;
        }
        parse(file, labels(RDFParser.source(file), labelsAsWritten), lang, into);
    }

    private static RDFParserBuilder labels(RDFParserBuilder parser, boolean asWritten) {
        return asWritten ? parser.labelToNode(LabelToNode.createUseLabelEncoded()) : parser;
    }

    private static void parse(Path file, RDFParserBuilder parser, Lang lang, StreamRDF into) {
        try {
            parser.lang(lang)
                .errorHandler(new FileErrorHandler(file))
                .parse(into);
        } catch (RiotException ex) {
            throw new LoadException(file + ": " + ex.getMessage(), ex);
        }
    }

    /** Turns parser reports into messages of the form {@code file:line:column: message}. */
    private record FileErrorHandler(Path file) implements ErrorHandler {

        @Override
        public void warning(String message, long line, long col) {
            LOG.warn(where(line, col) + message);
        }

        @Override
        public void error(String message, long line, long col) {
            throw refusal(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw refusal(message, line, col);
        }

        /** The error as the {@link BundleCheck}'s syntax finding, the same words on every path. */
        private LoadException refusal(String message, long line, long col) {
            Finding finding = BundleCheck.syntax(file.toString(), line, col, message);
            return new LoadException(finding.text(), List.of(finding));
        }

        private String where(long line, long col) {
            if ( line < 0 )
                return file + ": ";
            if ( col < 0 )
                return file + ":" + line + ": ";
            return file + ":" + line + ":" + col + ": ";
        }
    }

    private TurtleFiles() {}
}
