package org.diplomacykg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code org.diplomacykg.Main} run as a separate JVM, as an operator runs it, so that a test can
 * kill it as a power cut would ({@link #kill()}: SIGKILL on Linux, no shutdown hook runs).
 * The child uses this JVM's {@code java} and class path and the project directory as its working
 * directory; its output goes to a log file, shown when something goes wrong.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code Main} with {@code args}, writing its output to {@code log}. */
    public static ChildJvm start(Path log, String... args) {
        return start(List.of(), log, args);
    }

    /** As {@link #start(Path, String...)}, with options for the JVM such as {@code -Dname=value}. */
    public static ChildJvm start(List<String> jvmOptions, Path log, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.diplomacykg.Main");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
            return new ChildJvm(process, log);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Starts {@code serve} with {@code args} and {@code --port} on a free port; returns once it answers {@code /$/ping}. */
    public static Server serve(Path log, String... args) {
        return serve(List.of(), log, args);
    }

    /** As {@link #serve(Path, String...)}, with options for the JVM such as {@code -Dname=value}. */
    public static Server serve(List<String> jvmOptions, Path log, String... args) {
        int port = freePort();
        List<String> all = new ArrayList<>(List.of("serve", "--port", String.valueOf(port)));
        all.addAll(List.of(args));
        ChildJvm child = start(jvmOptions, log, all.toArray(String[]::new));
        Server server = new Server(child, "http://localhost:" + port);
        server.awaitReady(Duration.ofSeconds(90));
        return server;
    }

    private static int freePort() {
        try ( ServerSocket socket = new ServerSocket(0) ) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public Process process() {
        return process;
    }

    /** Kills at once (SIGKILL): no shutdown hook, no flush, as a power cut or the OOM killer would. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** Asks to stop (SIGTERM) and waits for the exit. */
    public void stop() {
        process.destroy();
        if ( !waitFor(Duration.ofSeconds(30)) )
            kill();
    }

    /** Waits for the exit; false on timeout. */
    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The child's output so far, for assertion messages. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException ex) {
            return "(no output: " + ex.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if ( process.isAlive() )
            kill();
    }

    /** A child running {@code serve}. */
    public static final class Server implements AutoCloseable {
        private final ChildJvm jvm;
        private final String baseUrl;

        private Server(ChildJvm jvm, String baseUrl) {
            this.jvm = jvm;
            this.baseUrl = baseUrl;
        }

        public ChildJvm jvm() {
            return jvm;
        }

        /** e.g. {@code http://localhost:43121}. */
        public String baseUrl() {
            return baseUrl;
        }

        public String sparqlUrl() {
            return baseUrl + "/kg/sparql";
        }

        private void awaitReady(Duration timeout) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + timeout.toNanos();
            while ( System.nanoTime() < deadline ) {
                if ( !jvm.process.isAlive() )
                    throw new IllegalStateException("serve exited with " + jvm.process.exitValue() + ":\n" + jvm.output());
                try {
                    HttpRequest ping = HttpRequest.newBuilder(URI.create(baseUrl + "/$/ping")).timeout(Duration.ofSeconds(2)).build();
                    if ( client.send(ping, BodyHandlers.discarding()).statusCode() == 200 )
                        return;
                } catch (IOException ex) {
                    // Not listening yet.
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
                sleep(Duration.ofMillis(100));
            }
            jvm.kill();
            throw new IllegalStateException("serve did not answer /$/ping within " + timeout + ":\n" + jvm.output());
        }

        @Override
        public void close() {
            jvm.close();
        }
    }

    /** Sleeps, turning an interruption into an exception that keeps the flag. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
