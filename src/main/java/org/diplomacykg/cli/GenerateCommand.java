package org.diplomacykg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.diplomacykg.generate.ExpectedAnswers;
import org.diplomacykg.generate.GeneratedWorld;
import org.diplomacykg.generate.WorldFile;
import org.diplomacykg.store.LoadException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: write a synthetic world of about N triples (same seed, same bytes) for
 * benchmarks and scale tests, with the answers the reasoners should derive from it beside it.
 * {@code load --tdb DIR FILE} loads it through the same checks as an article.
 */
@Command(name = "generate",
         description = "Write a synthetic, clearly labelled world of negotiations of about N triples to FILE "
                     + "(N-Quads for .nq, TriG for .trig, gzipped with .gz), the same for the same seed, and the "
                     + "inferences expected from it to FILE.expected.tsv. Load it with load --tdb DIR FILE.")
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--triples", paramLabel = "N", required = true,
            description = "About how many triples to write (the count written is printed).")
    private long triples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Random seed, zero or positive; part of every synthetic IRI (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the world.")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if ( triples < 1 )
            throw new ParameterException(spec.commandLine(), "--triples must be positive, got " + triples);
        if ( seed < 0 )
            throw new ParameterException(spec.commandLine(), "--seed must be zero or positive, got " + seed);
        if ( !out.getFileName().toString().matches("(?i).*\\.(nq|trig)(\\.gz)?") )
            throw new ParameterException(spec.commandLine(), "--out must end with .nq or .trig (optionally .gz), got " + out);
        PrintWriter stdout = spec.commandLine().getOut();
        long start = System.nanoTime();
        try {
            GeneratedWorld world = WorldFile.write(triples, seed, out);
            stdout.println("wrote " + out + ": " + world.summary() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            stdout.println("wrote " + ExpectedAnswers.pathFor(out));
            stdout.flush();
            return 0;
        } catch (IOException ex) {
            throw new LoadException("Cannot write " + out + ": " + ex.getMessage(), ex);
        }
    }
}
