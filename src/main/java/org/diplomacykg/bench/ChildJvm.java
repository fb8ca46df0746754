package org.diplomacykg.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;

/**
 * Runs one {@link BenchStep} in a JVM of its own, with a fixed heap and a time limit, on the
 * class path of this one. The answer always has a {@code status}: {@code ok} (with the
 * step's figures), {@code oom} (the heap ran out), {@code timeout} (killed at the limit) or
 * {@code failed} (any other end; see the log), the last three with whatever figures the step
 * saved before it stopped.
 */
final class ChildJvm {

    /** The exit code of a JVM that {@code -XX:+ExitOnOutOfMemoryError} ended. */
    private static final int EXIT_OOM = 3;

    private final String xmx;
    private final Duration timeout;

    ChildJvm(String xmx, Duration timeout) {
        this.xmx = xmx;
        this.timeout = timeout;
    }

    JsonObject run(StepRequest request, Path logFile) throws IOException, InterruptedException {
        Path requestFile = Files.createTempFile(request.workDir(), request.step() + "-", ".request.json");
        Path resultFile = Files.createTempFile(request.workDir(), request.step() + "-", ".result.json");
        try ( OutputStream out = Files.newOutputStream(requestFile) ) {
            JSON.write(out, request.toJson());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Xmx" + xmx, "-XX:+ExitOnOutOfMemoryError",
                                       "-cp", System.getProperty("java.class.path"), BenchStep.class.getName(),
                                       requestFile.toString(), resultFile.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                                                     .redirectOutput(logFile.toFile()).start();
        long start = System.nanoTime();
        JsonObject result;
        try {
            if ( !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ) {
                process.destroyForcibly().waitFor();
                result = measuredBefore(resultFile, "timeout");
            } else if ( process.exitValue() == 0 && Files.size(resultFile) > 0 ) {
                result = JSON.read(resultFile.toString());
                result.put("status", "ok");
            } else {
                boolean oom = process.exitValue() == EXIT_OOM || Files.readString(logFile).contains("OutOfMemoryError");
                result = measuredBefore(resultFile, oom ? "oom" : "failed");
                result.put("exit_code", process.exitValue());
            }
        } finally {
            if ( process.isAlive() )
                process.destroyForcibly();
            Files.deleteIfExists(requestFile);
            Files.deleteIfExists(resultFile);
        }
        result.put("wall_s", Json.num((System.nanoTime() - start) / 1e9));
        result.put("log", logFile.getFileName().toString());
        return result;
    }

    /** The figures the step saved before it stopped ({@link BenchStep#progress}), if any, with its status. */
    private static JsonObject measuredBefore(Path resultFile, String status) throws IOException {
        JsonObject o = Files.size(resultFile) > 0 ? JSON.read(resultFile.toString()) : new JsonObject();
        o.put("status", status);
        return o;
    }
}
