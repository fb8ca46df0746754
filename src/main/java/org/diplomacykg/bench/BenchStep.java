package org.diplomacykg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The child JVM of a bench run: measures one step on one world and writes its figures as
 * JSON. Run by {@link ChildJvm} as {@code java -Xmx... -cp ... org.diplomacykg.bench.BenchStep
 * REQUEST.json RESULT.json}, so that a step that runs out of memory or time ends its own JVM,
 * not the bench.
 */
public final class BenchStep {

    /** The steps, by name. */
    static final String TDB = "tdb", SERVICE = "service", INCREMENTAL = "incremental", RETE = "rete", HTTP = "http";

    /** Where this child JVM writes its figures; null when a step runs in the caller's JVM. */
    private static Path resultFile;

    public static void main(String[] args) throws Exception {
        if ( args.length != 2 ) {
            System.err.println("usage: BenchStep REQUEST.json RESULT.json");
            System.exit(2);
        }
        StepRequest request = StepRequest.fromJson(JSON.read(args[0]));
        resultFile = Path.of(args[1]);
        write(run(request));
        // Servers' and TDB2's non-daemon threads must not keep the JVM alive.
        System.exit(0);
    }

    static JsonObject run(StepRequest request) throws Exception {
        return switch ( request.step() ) {
            case TDB -> TdbStep.run(request);
            case SERVICE -> ServiceStep.run(request, false);
            case INCREMENTAL -> ServiceStep.run(request, true);
            case RETE -> ReteStep.run(request);
            case HTTP -> HttpStep.run(request);
            default -> throw new IOException("unknown step " + request.step());
        };
    }

    /**
     * Saves the figures measured so far, so that a step stopped by its time limit or by the
     * heap still reports what it measured before (a load and the rules alone at a size whose
     * full run does not finish).
     */
    static void progress(JsonObject figuresSoFar) throws IOException {
        if ( resultFile != null )
            write(figuresSoFar);
    }

    /** Replaces the result file whole: a JVM killed while writing leaves the previous one. */
    private static void write(JsonObject figures) throws IOException {
        Path tmp = resultFile.resolveSibling(resultFile.getFileName() + ".tmp");
        try ( OutputStream out = Files.newOutputStream(tmp) ) {
            JSON.write(out, figures);
        }
        Files.move(tmp, resultFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private BenchStep() {}
}
