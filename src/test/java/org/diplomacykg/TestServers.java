package org.diplomacykg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.diplomacykg.server.KgServer;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.limits.Limits;
import org.diplomacykg.server.security.LoginLimits;
import org.diplomacykg.server.security.Security;
import org.diplomacykg.server.write.WriteAccess;
import org.diplomacykg.store.CommitGate;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.Store;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.WriteGate;
import org.diplomacykg.vocab.Graphs;

/**
 * Starts the real server, as {@code serve} does, on a free port, for tests that talk HTTP.
 * For one server per test class use {@link KgServerExtension}; for a server of one test, or one
 * with TLS, CORS origins or data the test writes first, use this with try-with-resources or stop it in {@code @AfterAll}:
 * <pre>
 * try ( TestServers.Running kg = TestServers.start(ontologyDir, dataDir) ) {
 *     ResultSetRewindable rows = SparqlClient.select(kg.sparqlUrl(), "SELECT * { ?s ?p ?o }");
 * }
 * </pre>
 */
public final class TestServers {

    /** A started server; closing it stops it. */
    public static final class Running implements AutoCloseable {
        private final FusekiServer server;
        private final Dataset dataset;

        private Running(FusekiServer server, Dataset dataset) {
            this.server = server;
            this.dataset = dataset;
        }

        /** e.g. {@code http://localhost:43121}, no trailing slash. */
        public String baseUrl() {
            return "http://localhost:" + server.getHttpPort();
        }

        /** e.g. {@code https://localhost:43122}, for a server with TLS. */
        public String httpsUrl() {
            return "https://localhost:" + server.getHttpsPort();
        }

        /** The dataset URL, {@code baseUrl() + "/kg"}. */
        public String datasetUrl() {
            return baseUrl() + KgServer.DATASET;
        }

        /** The main query endpoint, {@code /kg/sparql}. */
        public String sparqlUrl() {
            return datasetUrl() + "/sparql";
        }

        /** The dataset being served, for checks that bypass HTTP. */
        public Dataset dataset() {
            return dataset;
        }

        /** Triples in all named graphs together (asserted, inferred and explanations), read without HTTP. */
        public long namedGraphTriples() {
            return Store.graphSizes(dataset).values().stream().mapToLong(Long::longValue).sum();
        }

        /** Triples of the SPARQL default graph: the named graphs but the explanations and audit graphs, read without HTTP. */
        public long defaultGraphTriples() {
            Map<String, Long> sizes = Store.graphSizes(dataset);
            return sizes.values().stream().mapToLong(Long::longValue).sum() - sizes.getOrDefault(Graphs.EXPLANATIONS, 0L)
                   - sizes.getOrDefault(Graphs.AUDIT, 0L);
        }

        public FusekiServer server() {
            return server;
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /** Loads the layout through the real loader and SHACL gate and serves it with the default timeout. */
    public static Running start(Path ontologyDir, Path dataDir) {
        return start(ontologyDir, dataDir, ServerConfig.DEFAULT_QUERY_TIMEOUT);
    }

    /** As {@link #start(Path, Path)}, with a given query timeout. */
    public static Running start(Path ontologyDir, Path dataDir, Duration queryTimeout) {
        return start(ontologyDir, dataDir, queryTimeout, Limits.DEFAULTS);
    }

    /** As {@link #start(Path, Path, Duration)}, with given request limits (body size, results, update timeout). */
    public static Running start(Path ontologyDir, Path dataDir, Duration queryTimeout, Limits limits) {
        DataLayout layout = new DataLayout(ontologyDir, dataDir);
        Dataset dataset = Store.loadTemporary(layout);
        // As serve: article texts not held in the store are read from the bundles.
        FusekiServer server = KgServer.build(new ServerConfig(0, queryTimeout, dataset.asDatasetGraph(), null, null, limits)
            .withArticlesDir(layout.articlesDir()));
        server.start();
        return new Running(server, dataset);
    }

    /** Serves an already assembled dataset. */
    public static Running start(Dataset dataset, Duration queryTimeout) {
        return start(dataset, queryTimeout, Limits.DEFAULTS);
    }

    /** Serves an already assembled dataset with given request limits. */
    public static Running start(Dataset dataset, Duration queryTimeout, Limits limits) {
        FusekiServer server = KgServer.build(new ServerConfig(0, queryTimeout, dataset.asDatasetGraph(), null, null, limits));
        server.start();
        return new Running(server, dataset);
    }

    /**
     * As {@link #start(Path, Path)}, taking writes from the users in {@code passwordFile} through
     * the gate {@code serve --passwd} uses.
     */
    public static Running startWritable(Path ontologyDir, Path dataDir, Path passwordFile) {
        return startWritable(ontologyDir, dataDir, passwordFile, Limits.DEFAULTS);
    }

    /** As {@link #startWritable(Path, Path, Path)}, with given request limits (body size, results, update timeout). */
    public static Running startWritable(Path ontologyDir, Path dataDir, Path passwordFile, Limits limits) {
        return startWritable(ontologyDir, dataDir, passwordFile, limits, List.of());
    }

    /**
     * As {@link #startWritable(Path, Path, Path, Limits)}, taking authenticated writes from pages of {@code corsOrigins} too.
     * The password file is made private first, as an operator must (chmod 600), and failed logins are not limited:
     * the tests that use this send wrong passwords on purpose to check other things (TestLoginLimits checks the limit).
     */
    public static Running startWritable(Path ontologyDir, Path dataDir, Path passwordFile, Limits limits, List<String> corsOrigins) {
        makePrivate(passwordFile);
        return startSecured(ontologyDir, dataDir, passwordFile, limits, corsOrigins, new Security(null, null, LoginLimits.NONE, false));
    }

    /**
     * Loads the layout and serves it protected as {@code security} says; {@code passwordFile} names the writers,
     * null for a read-only server. Its port is a free one, HTTPS if {@code security} has TLS.
     */
    public static Running startSecured(Path ontologyDir, Path dataDir, Path passwordFile, Limits limits, List<String> corsOrigins,
                                       Security security) {
        DataLayout layout = new DataLayout(ontologyDir, dataDir);
        // As serve: the gate is the store's, given when it is built.
        CommitGate gate = passwordFile == null ? CommitGate.NONE : WriteGate.forLayout(layout);
        Dataset dataset = StoreStack.temporary().gate(gate).filledFrom(layout).open().dataset();
        WriteAccess writes = passwordFile == null ? null : new WriteAccess(passwordFile);
        FusekiServer server = KgServer.build(new ServerConfig(0, ServerConfig.DEFAULT_QUERY_TIMEOUT,
                                                              dataset.asDatasetGraph(), null, writes, limits)
            .withCorsOrigins(corsOrigins).withArticlesDir(layout.articlesDir()), security);
        server.start();
        return new Running(server, dataset);
    }

    /** Makes a file readable and writable by its owner only, as the server wants password files. */
    public static Path makePrivate(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }

    /** Serves the conforming fixture {@code kg/} ({@link Fixtures}). */
    public static Running startFixture() {
        return start(Fixtures.path("kg/ontology"), Fixtures.path("kg/data"));
    }

    private TestServers() {}
}
