package org.diplomacykg.bench;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.vocab.Graphs;

/**
 * A world read from files: their quads in order, up to the target size, so that one large
 * file yields every smaller size as a prefix. A file name holding {@code {size}} names one
 * file per size ({@code world-{size}.nq} is {@code world-10000.nq} for 10,000 triples), for
 * worlds whose prefixes are not worlds of their own. Triples of a triples format (Turtle,
 * N-Triples) go to the reference graph; the seed is not used.
 */
public final class InputFilesWorld implements WorldSource {

    private final List<Path> files;

    public InputFilesWorld(List<Path> files) {
        if ( files.isEmpty() )
            throw new IllegalArgumentException("at least one input file is needed");
        this.files = List.copyOf(files);
    }

    /** Thrown to stop a parse once the target is reached. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    @Override
    public long generate(long targetTriples, long seed, StreamRDF sink) {
        long[] sent = { 0 };
        StreamRDF capped = new StreamRDFWrapper(sink) {
            @Override
            public void triple(Triple triple) {
                quad(Quad.create(Graphs.Nodes.REFERENCE, triple));
            }

            @Override
            public void quad(Quad quad) {
                if ( sent[0] >= targetTriples )
                    throw new Enough();
                Quad q = quad.isDefaultGraph() ? Quad.create(Graphs.Nodes.REFERENCE, quad.asTriple()) : quad;
                super.quad(q);
                sent[0]++;
            }

            // The files' own start/finish are not the world's.
            @Override
            public void start() {}

            @Override
            public void finish() {}
        };
        sink.start();
        try {
            for ( Path pattern : files ) {
                Path file = Path.of(pattern.toString().replace("{size}", Long.toString(targetTriples)));
                Lang lang = RDFLanguages.filenameToLang(file.toString(), Lang.NQUADS);
                try {
                    RDFParser.source(file).lang(lang).parse(capped);
                } catch (Enough done) {
                    break;
                }
            }
        } finally {
            sink.finish();
        }
        return sent[0];
    }
}
