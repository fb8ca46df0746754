package org.diplomacykg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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

    public static void main(String[] args) throws Exception {
        if ( args.length != 2 ) {
            System.err.println("usage: BenchStep REQUEST.json RESULT.json");
            System.exit(2);
        }
        StepRequest request = StepRequest.fromJson(JSON.read(args[0]));
        JsonObject result = run(request);
        try ( OutputStream out = Files.newOutputStream(Path.of(args[1])) ) {
            JSON.write(out, result);
        }
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

    private BenchStep() {}
}
