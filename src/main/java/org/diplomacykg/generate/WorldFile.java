package org.diplomacykg.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;

/**
 * Writes a generated world to a file, streamed, in the syntax its name asks for: N-Quads
 * ({@code .nq}) or TriG ({@code .trig}), either gzipped with {@code .gz} added; and its
 * expected answers beside it ({@link ExpectedAnswers#pathFor}).
 */
public final class WorldFile {

    /** Generates the world into {@code out} and its answers into {@code out.expected.tsv}. */
    public static GeneratedWorld write(long targetTriples, long seed, Path out) throws IOException {
        RDFFormat format = formatFor(out);
        boolean gzip = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        GeneratedWorld world;
        try ( OutputStream file = Files.newOutputStream(out);
              OutputStream stream = new BufferedOutputStream(gzip ? new GZIPOutputStream(file, 1 << 16) : file, 1 << 16) ) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(stream, format);
            world = WorldGenerator.generate(targetTriples, seed, writer);
        }
        ExpectedAnswers.write(ExpectedAnswers.pathFor(out), world);
        return world;
    }

    /** N-Quads or TriG (streamed in blocks), by the file name; anything else is refused. */
    static RDFFormat formatFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if ( name.endsWith(".gz") )
            name = name.substring(0, name.length() - 3);
        if ( name.endsWith(".nq") )
            return RDFFormat.NQUADS;
        if ( name.endsWith(".trig") )
            return RDFFormat.TRIG_BLOCKS;
        throw new IllegalArgumentException("Cannot tell the syntax from the name " + file.getFileName()
            + ": end it with .nq (N-Quads) or .trig (TriG), optionally followed by .gz");
    }

    private WorldFile() {}
}
