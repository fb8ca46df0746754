package org.diplomacykg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.limits.Limits;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One read-only server per test class, started on a free port before the class's first test
 * (and before its own {@code @BeforeAll} methods) and stopped after its last:
 * <pre>
 * &#64;RegisterExtension
 * static final KgServerExtension kg = KgServerExtension.fixture();
 * ...
 * SparqlClient.select(kg.sparqlUrl(), "SELECT * { ?s ?p ?o }");
 * </pre>
 * It starts the server through {@link TestServers}, so a class using it sees the same server it would
 * have started itself; {@link #writable} makes it take writes, as {@code serve --passwd} does.
 * Servers with TLS, CORS origins or data written by the test keep using {@link TestServers} directly.
 */
public final class KgServerExtension implements BeforeAllCallback, AfterAllCallback {

    private final Path ontologyDir;
    private final Path dataDir;
    private Duration queryTimeout = ServerConfig.DEFAULT_QUERY_TIMEOUT;
    private Limits limits = Limits.DEFAULTS;
    /** The password file's text, null for a read-only server. */
    private String passwords;
    private Path passwordDir;
    private TestServers.Running running;

    private KgServerExtension(Path ontologyDir, Path dataDir) {
        this.ontologyDir = ontologyDir;
        this.dataDir = dataDir;
    }

    /** Serves the conforming fixture {@code kg/} ({@link Fixtures}). */
    public static KgServerExtension fixture() {
        return new KgServerExtension(Fixtures.path("kg/ontology"), Fixtures.path("kg/data"));
    }

    /** Serves the project's own {@code ontology/} and {@code data/}: the article's graph. */
    public static KgServerExtension project() {
        return new KgServerExtension(Path.of("ontology"), Path.of("data"));
    }

    /** With a query timeout other than the default. */
    public KgServerExtension queryTimeout(Duration timeout) {
        this.queryTimeout = timeout;
        return this;
    }

    /** With request limits other than the defaults. */
    public KgServerExtension limits(Limits limits) {
        this.limits = limits;
        return this;
    }

    /**
     * Taking writes from the users of a password file with this text ({@code user: password} lines),
     * written to a directory of its own for as long as the server runs. The query timeout is the default.
     */
    public KgServerExtension writable(String passwordFileText) {
        this.passwords = passwordFileText;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if ( passwords == null ) {
            running = TestServers.start(ontologyDir, dataDir, queryTimeout, limits);
            return;
        }
        passwordDir = Files.createTempDirectory("kg-passwd-");
        Path passwd = Files.writeString(passwordDir.resolve("passwd"), passwords);
        running = TestServers.startWritable(ontologyDir, dataDir, passwd, limits);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if ( running != null )
                running.close();
        } finally {
            running = null;
            deletePasswordDir();
        }
    }

    private void deletePasswordDir() {
        if ( passwordDir == null )
            return;
        try ( Stream<Path> files = Files.walk(passwordDir) ) {
            for ( Path file : files.sorted(Comparator.reverseOrder()).toList() )
                Files.delete(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            passwordDir = null;
        }
    }

    /** The started server, for helpers that take one. */
    public TestServers.Running running() {
        if ( running == null )
            throw new IllegalStateException("the server runs only while the test class does; register this with @RegisterExtension on a static field");
        return running;
    }

    public String baseUrl() {
        return running().baseUrl();
    }

    public String datasetUrl() {
        return running().datasetUrl();
    }

    public String sparqlUrl() {
        return running().sparqlUrl();
    }

    public Dataset dataset() {
        return running().dataset();
    }

    public long namedGraphTriples() {
        return running().namedGraphTriples();
    }

    public long defaultGraphTriples() {
        return running().defaultGraphTriples();
    }

    public FusekiServer server() {
        return running().server();
    }
}
