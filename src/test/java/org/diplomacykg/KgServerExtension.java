package org.diplomacykg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.limits.Limits;
import org.diplomacykg.server.security.Security;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One server per test class, started on a free port before the class's first test
 * (and before its own {@code @BeforeAll} methods) and stopped after its last:
 * <pre>
 * &#64;RegisterExtension
 * static final KgServerExtension kg = KgServerExtension.fixture();
 * ...
 * SparqlClient.select(kg.sparqlUrl(), "SELECT * { ?s ?p ?o }");
 * </pre>
 * It starts the server through {@link TestServers}, so a class using it sees the same server it would
 * have started itself. What a test needs beyond the defaults is said where the field is declared:
 * {@link #writable} or {@link #writers} (takes writes, as {@code serve --passwd} does), {@link #corsOrigins},
 * {@link #secured} (TLS, readers' logins, login limits, forwarded addresses), {@link #edited} (a copy of the
 * layout changed first), {@link #serving} (a dataset the test assembles), {@link #publicBaseUrl} and {@link #bind}
 * (read-only servers), {@link #perTest} (a fresh server for every test, for tests that write) and {@link #onlyIf}
 * (no server when the tests will be skipped). {@link #restart} restarts it over the same files, for tests that edit them.
 * Files the server needs (password file, copied layout, keystore) live in a directory of its own,
 * deleted when the server stops.
 */
public final class KgServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** Writes or changes files in a directory of the server's own before the server starts. */
    @FunctionalInterface
    public interface Setup<T> {
        T in(Path dir) throws Exception;
    }

    /** Changes a layout: {@code dir} holds its {@code ontology/} and {@code data/}. */
    @FunctionalInterface
    public interface LayoutEdit {
        void edit(Path dir) throws Exception;
    }

    private final Path ontologyDir;
    private final Path dataDir;
    private Duration queryTimeout = ServerConfig.DEFAULT_QUERY_TIMEOUT;
    private Limits limits = Limits.DEFAULTS;
    /** Writes the password file naming the writers into the work directory; null for a read-only server. */
    private Setup<Path> writers;
    private List<String> corsOrigins = List.of();
    private Setup<Security> security;
    private final List<LayoutEdit> edits = new ArrayList<>();
    private Supplier<Dataset> dataset;
    /** Changes to the configuration of a read-only server (public base URL, bind address); null for none. */
    private UnaryOperator<ServerConfig> adjust;
    private boolean perTest;
    private BooleanSupplier enabled = () -> true;

    /** Where this server's files are while it runs. */
    private Path workDir;
    private Path servedOntology;
    private Path servedData;
    private Path passwordFile;
    private Security servedSecurity;
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

    /** Serves a layout {@code writer} writes from nothing: it gets an empty directory to fill with {@code ontology/} and {@code data/}. */
    public static KgServerExtension writtenBy(LayoutEdit writer) {
        return new KgServerExtension(null, null).edited(writer);
    }

    /** Serves a dataset the test assembles, as it is, with no layout, loader or gate. */
    public static KgServerExtension serving(Supplier<Dataset> dataset) {
        KgServerExtension extension = new KgServerExtension(null, null);
        extension.dataset = dataset;
        return extension;
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
        return writers(dir -> Files.writeString(dir.resolve("passwd"), passwordFileText));
    }

    /** Taking writes from the users of the password file {@code passwordFile} writes in the server's directory and returns. */
    public KgServerExtension writers(Setup<Path> passwordFile) {
        this.writers = passwordFile;
        return this;
    }

    /** Taking authenticated writes from pages of these origins too, as {@code serve --cors-origin} does. */
    public KgServerExtension corsOrigins(String... origins) {
        this.corsOrigins = List.of(origins);
        return this;
    }

    /** Protected as the {@link Security} {@code security} makes (with any keystore and readers' file it writes in the server's directory) says. */
    public KgServerExtension secured(Setup<Security> security) {
        this.security = security;
        return this;
    }

    /** Serving a copy of the layout, changed by {@code edit} first; {@link #ontologyDir()} and {@link #dataDir()} name the copy. */
    public KgServerExtension edited(LayoutEdit edit) {
        edits.add(edit);
        return this;
    }

    /** Links made with this public base URL, as {@code serve --base-url} makes them (a read-only server). */
    public KgServerExtension publicBaseUrl(String baseUrl) {
        return adjusted(c -> new ServerConfig(c.port(), c.queryTimeout(), c.dataset(), baseUrl, c.writes(), c.limits(), c.bind(),
                                              c.corsOrigins(), c.articlesDir(), c.replication()));
    }

    /** Listening on {@code address} only, as {@code serve --bind} does (a read-only server). */
    public KgServerExtension bind(String address) {
        return adjusted(c -> c.withBind(address));
    }

    private KgServerExtension adjusted(UnaryOperator<ServerConfig> change) {
        UnaryOperator<ServerConfig> before = adjust;
        adjust = before == null ? change : c -> change.apply(before.apply(c));
        return this;
    }

    /** A fresh server, with fresh files, for every test: for tests that write. */
    public KgServerExtension perTest() {
        this.perTest = true;
        return this;
    }

    /** No server when {@code condition} is false: for tests that will skip themselves (e.g. with no browser installed). */
    public KgServerExtension onlyIf(BooleanSupplier condition) {
        this.enabled = condition;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if ( !perTest )
            open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if ( !perTest )
            close();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if ( perTest )
            open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if ( perTest )
            close();
    }

    /**
     * Stops the server and starts it again over the same files, as an operator restarts {@code serve}:
     * for tests that change the layout ({@link #ontologyDir()}, {@link #dataDir()}) and check what a restarted server makes of it.
     */
    public void restart() {
        running().close();
        running = null;
        running = startServer();
    }

    private void open() throws Exception {
        if ( !enabled.getAsBoolean() )
            return;
        workDir = Files.createTempDirectory("kg-server-");
        servedOntology = ontologyDir;
        servedData = dataDir;
        if ( !edits.isEmpty() ) {
            servedOntology = workDir.resolve("layout/ontology");
            servedData = workDir.resolve("layout/data");
            if ( ontologyDir == null ) {
                Files.createDirectories(servedOntology.getParent());
            } else {
                copyTree(ontologyDir, servedOntology);
                copyTree(dataDir, servedData);
            }
            for ( LayoutEdit edit : edits )
                edit.edit(servedOntology.getParent());
        }
        passwordFile = writers == null ? null : TestServers.makePrivate(writers.in(workDir));
        servedSecurity = security == null ? null : security.in(workDir);
        running = startServer();
    }

    private TestServers.Running startServer() {
        UnaryOperator<ServerConfig> adjustment = adjust == null ? UnaryOperator.identity() : adjust;
        if ( dataset != null )
            return TestServers.start(dataset.get(), queryTimeout, limits, adjustment);
        if ( servedSecurity == null && passwordFile == null && corsOrigins.isEmpty() )
            return TestServers.start(servedOntology, servedData, queryTimeout, limits, adjustment);
        // TestServers takes a base URL and a bind address for read-only servers only: say so rather than ignore them.
        if ( adjust != null )
            throw new IllegalStateException("publicBaseUrl and bind are for servers with no writers, CORS origins or security");
        if ( servedSecurity == null && passwordFile != null )
            return TestServers.startWritable(servedOntology, servedData, passwordFile, limits, corsOrigins);
        return TestServers.startSecured(servedOntology, servedData, passwordFile, limits, corsOrigins,
                                        servedSecurity == null ? Security.DEFAULTS : servedSecurity);
    }

    private void close() {
        try {
            if ( running != null )
                running.close();
        } finally {
            running = null;
            deleteWorkDir();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try ( Stream<Path> paths = Files.walk(from) ) {
            for ( Path source : paths.toList() ) {
                Path target = to.resolve(from.relativize(source).toString());
                if ( Files.isDirectory(source) )
                    Files.createDirectories(target);
                else
                    Files.copy(source, target);
            }
        }
    }

    private void deleteWorkDir() {
        if ( workDir == null )
            return;
        try ( Stream<Path> files = Files.walk(workDir) ) {
            for ( Path file : files.sorted(Comparator.reverseOrder()).toList() )
                Files.delete(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            workDir = null;
        }
    }

    /** The started server, for helpers that take one. */
    public TestServers.Running running() {
        if ( running == null )
            throw new IllegalStateException("the server runs only while the test class does (or the test, with perTest()); "
                                            + "register this with @RegisterExtension on a static field");
        return running;
    }

    /** The ontology directory served: the copy, for an {@link #edited} layout. */
    public Path ontologyDir() {
        running();
        return servedOntology;
    }

    /** The data directory served: the copy, for an {@link #edited} layout. */
    public Path dataDir() {
        running();
        return servedData;
    }

    /** The server's own directory, where setups wrote their files (keystore, password files, the copied layout). */
    public Path dir() {
        running();
        return workDir;
    }

    /** The password file naming the writers, null for a read-only server. */
    public Path passwordFile() {
        running();
        return passwordFile;
    }

    public String baseUrl() {
        return running().baseUrl();
    }

    /** For a {@link #secured} server with TLS. */
    public String httpsUrl() {
        return running().httpsUrl();
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
