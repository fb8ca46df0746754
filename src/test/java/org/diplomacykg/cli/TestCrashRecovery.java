package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.system.Txn;
import org.diplomacykg.ChildJvm;
import org.diplomacykg.Fixtures;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.StoreDigest;
import org.diplomacykg.StoreDigest.GraphDigest;
import org.diplomacykg.TestServers;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.FaultPoints;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process killed outright (SIGKILL, as a power cut or the OOM killer would) in the middle of a
 * large write leaves its TDB2 store exactly as it was before the write or exactly as the write
 * would have left it, never in between, and with inferences in step with the data: for a SPARQL
 * Update to {@code serve --tdb} and for an offline {@code load}. The kill lands at fractions of
 * the time the same write takes uninterrupted, measured first on a copy of the same store.
 * <p>
 * The write is synthetic: places in their own namespace ({@code https://example.org/synthetic/}),
 * labelled as synthetic, each {@code dkg:locatedIn} a synthetic region, so that the reasoners
 * derive a type for each (the domain and range of {@code dkg:locatedIn}) with its explanation.
 */
class TestCrashRecovery {

    /**
     * Sized so that the write takes seconds on a loaded 2-core machine (the gate and the
     * materialiser do most of the work, and the commit writes tens of thousands of quads).
     */
    private static final int PLACES = 3_000;
    private static final double[] KILL_AT = { 0.2, 0.6, 0.95 };
    /** Fewer for load, whose runs each start a JVM (the time before the store is opened is not of interest). */
    private static final double[] LOAD_KILL_AT = { 0.6, 0.95 };
    private static final String USER = "crash-test";
    private static final String PASSWORD = "synthetic password";
    private static final String SLUG = "synthetic-crash-test";
    private static final String GRAPH = "https://w3id.org/diplomacy-kg/graph/source/" + SLUG;

    @TempDir
    static Path tmp;

    private static Path pristine;
    private static Path passwd;
    private static Map<String, GraphDigest> before;
    /** The audit records in the store before the write. */
    private static long beforeRecords;

    /** A store filled from ontology/ and data/ as serve --tdb fills a new one, then closed: each run starts from a copy. */
    @BeforeAll
    static void createStore() throws IOException {
        pristine = tmp.resolve("pristine");
        try ( TdbStore store = StoreStack.at(pristine).filledFrom(new DataLayout(Path.of("ontology"), Path.of("data"))).open() ) {
            before = StoreDigest.of(store.datasetGraph());
            beforeRecords = auditCount(store, "?a a prov:Activity");
        }
        passwd = tmp.resolve("passwd");
        TestServers.makePrivate(Files.writeString(passwd, USER + ": " + PASSWORD + "\n"));
    }

    @Test
    void aServerKilledDuringALargeUpdateKeepsAllOrNothingOfIt() throws IOException {
        String update = syntheticUpdate();

        Path reference = copyOf(pristine, "update-uninterrupted");
        Duration uninterrupted;
        try ( ChildJvm.Server server = serve(reference, "uninterrupted") ) {
            long start = System.nanoTime();
            HttpResponse<String> response = post(server, update).join();
            uninterrupted = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(204, response.statusCode(), response::body);
            server.jvm().stop();
        }
        Map<String, GraphDigest> after = digest(reference);
        assertTrue(after.containsKey(GRAPH), "the write committed");

        List<String> outcomes = new ArrayList<>();
        for ( double fraction : KILL_AT ) {
            Path dir = copyOf(pristine, "update-killed-at-" + fraction);
            try ( ChildJvm.Server server = serve(dir, "killed-at-" + fraction) ) {
                CompletableFuture<HttpResponse<String>> pending = post(server, update);
                ChildJvm.sleep(Duration.ofMillis((long) (uninterrupted.toMillis() * fraction)));
                server.jvm().kill();
                pending.handle((r, ex) -> null).join();
            }
            // The last kill, the likeliest to land in the commit, is followed by a restart of the
            // server on the store; the others by opening the store in this JVM, which recovers it alike.
            long restartedQuads = -1;
            if ( fraction == KILL_AT[KILL_AT.length - 1] ) {
                try ( ChildJvm.Server restarted = serve(dir, "restarted-after-" + fraction) ) {
                    restartedQuads = countQuads(restarted);
                    restarted.jvm().stop();
                }
            }
            outcomes.add(fraction + ": " + assertBeforeOrAfter(dir, after, restartedQuads));
        }
        System.out.println("Crash during update: uninterrupted " + uninterrupted.toMillis() + " ms for "
                           + (2 * PLACES) + " triples; state after a kill at " + outcomes);
    }

    @Test
    void aLoadKilledHalfwayKeepsAllOrNothingOfTheBundle() throws IOException {
        Path bundle = syntheticBundle();

        Path reference = copyOf(pristine, "load-uninterrupted");
        long start = System.nanoTime();
        try ( ChildJvm load = ChildJvm.start(tmp.resolve("load-uninterrupted.log"), "load", "--tdb", reference.toString(), bundle.toString()) ) {
            assertTrue(load.waitFor(Duration.ofMinutes(3)), "load finished");
            assertEquals(0, load.process().exitValue(), load::output);
        }
        Duration uninterrupted = Duration.ofNanos(System.nanoTime() - start);
        Map<String, GraphDigest> after = digest(reference);
        assertTrue(after.containsKey(GRAPH), "the bundle loaded");

        List<String> outcomes = new ArrayList<>();
        for ( double fraction : LOAD_KILL_AT ) {
            Path dir = copyOf(pristine, "load-killed-at-" + fraction);
            try ( ChildJvm load = ChildJvm.start(tmp.resolve("load-killed-at-" + fraction + ".log"),
                                                 "load", "--tdb", dir.toString(), bundle.toString()) ) {
                ChildJvm.sleep(Duration.ofMillis((long) (uninterrupted.toMillis() * fraction)));
                load.kill();
            }
            outcomes.add(fraction + ": " + assertBeforeOrAfter(dir, after, -1));
        }
        System.out.println("Crash during load: uninterrupted " + uninterrupted.toMillis() + " ms (JVM start included) for "
                           + (2 * PLACES) + " triples; state after a kill at " + outcomes);
    }

    /**
     * Where a halt at each fault point leaves the store: before TDB2's commit point (its journal
     * written and synced) as before the write, past it as after. Asserted, not accepted either way.
     */
    private static final Map<String, String> EXPECTED = Map.of(
        FaultPoints.AFTER_ASSERTED, "before",
        FaultPoints.AFTER_MATERIALISE, "before",
        FaultPoints.AFTER_JOURNAL, "after",
        FaultPoints.AFTER_COMMIT, "after");
    /** A write small enough that a halt, not its size, is what the fault tests exercise. */
    private static final int FEW_PLACES = 20;

    private static Map<String, GraphDigest> serveAfter;
    private static Map<String, GraphDigest> loadAfter;

    @ParameterizedTest
    @ValueSource(strings = { FaultPoints.AFTER_ASSERTED, FaultPoints.AFTER_MATERIALISE, FaultPoints.AFTER_JOURNAL, FaultPoints.AFTER_COMMIT })
    void aServerHaltedAtAFaultPointRestartsExactlyBeforeOrAfter(String point) {
        String update = "INSERT DATA { GRAPH <" + GRAPH + "> {\n" + syntheticTriples(FEW_PLACES) + "} }";
        Map<String, GraphDigest> after = serveAfter(update);
        Path dir = copyOf(pristine, "fault-serve-" + point);
        try ( ChildJvm.Server server = ChildJvm.serve(List.of("-Ddkg.fault=" + point), tmp.resolve("serve-fault-" + point + ".log"),
                                                      "--tdb", dir.toString(), "--passwd", passwd.toString()) ) {
            CompletableFuture<HttpResponse<String>> pending = post(server, update);
            assertTrue(server.jvm().waitFor(Duration.ofMinutes(2)), "halted at " + point);
            assertEquals(FaultPoints.EXIT_CODE, server.jvm().process().exitValue(), server.jvm()::output);
            pending.handle((r, ex) -> null).join();
        }
        long restartedQuads;
        try ( ChildJvm.Server restarted = serve(dir, "restarted-after-" + point) ) {
            restartedQuads = countQuads(restarted);
            restarted.jvm().stop();
        }
        assertEquals(EXPECTED.get(point), assertBeforeOrAfter(dir, after, restartedQuads), "after a halt at " + point);
    }

    @ParameterizedTest
    @ValueSource(strings = { FaultPoints.AFTER_ASSERTED, FaultPoints.AFTER_MATERIALISE, FaultPoints.AFTER_JOURNAL, FaultPoints.AFTER_COMMIT })
    void aLoadHaltedAtAFaultPointReopensExactlyBeforeOrAfter(String point) throws IOException {
        Path bundle = syntheticBundle("bundles-few", FEW_PLACES);
        Map<String, GraphDigest> after = loadAfter(bundle);
        Path dir = copyOf(pristine, "fault-load-" + point);
        try ( ChildJvm load = ChildJvm.start(List.of("-Ddkg.fault=" + point), tmp.resolve("load-fault-" + point + ".log"),
                                             "load", "--tdb", dir.toString(), bundle.toString()) ) {
            assertTrue(load.waitFor(Duration.ofMinutes(2)), "halted at " + point);
            assertEquals(FaultPoints.EXIT_CODE, load.process().exitValue(), load::output);
        }
        // Opened again without the fault: TDB2 recovers the store from its journal.
        assertEquals(EXPECTED.get(point), assertBeforeOrAfter(dir, after, -1), "after a halt at " + point);
    }

    /** The store after the small update, uninterrupted; made once. */
    private static synchronized Map<String, GraphDigest> serveAfter(String update) {
        if ( serveAfter == null ) {
            Path reference = copyOf(pristine, "fault-serve-uninterrupted");
            try ( ChildJvm.Server server = serve(reference, "fault-uninterrupted") ) {
                HttpResponse<String> response = post(server, update).join();
                assertEquals(204, response.statusCode(), response::body);
                server.jvm().stop();
            }
            serveAfter = digest(reference);
        }
        return serveAfter;
    }

    /** The store after the small bundle's load, uninterrupted; made once. */
    private static synchronized Map<String, GraphDigest> loadAfter(Path bundle) {
        if ( loadAfter == null ) {
            Path reference = copyOf(pristine, "fault-load-uninterrupted");
            try ( ChildJvm load = ChildJvm.start(tmp.resolve("fault-load-uninterrupted.log"), "load", "--tdb", reference.toString(), bundle.toString()) ) {
                assertTrue(load.waitFor(Duration.ofMinutes(2)), "load finished");
                assertEquals(0, load.process().exitValue(), load::output);
            }
            loadAfter = digest(reference);
        }
        return loadAfter;
    }

    /**
     * Opens the killed store (TDB2 recovers from its journal on opening) and asserts it is the
     * store before or after the write, and that its inferences are a fresh materialisation's.
     * {@code restartedQuads}, when not negative, is what the restarted server counted.
     */
    private static String assertBeforeOrAfter(Path dir, Map<String, GraphDigest> after, long restartedQuads) {
        String outcome = stateOf(dir, after, restartedQuads);
        if ( outcome == null )
            fail("The store in " + dir + " is neither as before nor as after the write:\n"
                 + StoreDigest.describe(digest(dir)) + "before:\n" + StoreDigest.describe(before)
                 + "after:\n" + StoreDigest.describe(after));
        return outcome;
    }

    /**
     * "before" or "after" (null for neither) for the killed store in {@code dir}, once recovered
     * (TDB2 recovers from its journal on opening): its graphs but the audit trail equal those
     * before or after the write, with inferences a fresh materialisation's, and the audit trail
     * is the one before, or it plus one record of the write. The audit graph itself cannot equal
     * the reference run's: each record has its own IRI and times.
     * {@code restartedQuads}, when not negative, is what the restarted server counted.
     */
    private static String stateOf(Path dir, Map<String, GraphDigest> after, long restartedQuads) {
        Map<String, GraphDigest> state;
        Map<String, GraphDigest> fresh;
        long recordsOfTheWrite;
        long records;
        try ( TdbStore store = StoreStack.at(dir).existing().open() ) {
            state = StoreDigest.of(store.datasetGraph());
            fresh = StoreDigest.rematerialised(store.datasetGraph());
            recordsOfTheWrite = auditCount(store, "?a dkg:touchedGraph <" + GRAPH + ">");
            records = auditCount(store, "?a a prov:Activity");
        }
        String outcome = facts(state).equals(facts(before)) ? "before" : facts(state).equals(facts(after)) ? "after" : null;
        if ( outcome == null )
            return null;
        assertEquals(fresh, state, () -> "inferences out of step with the data in " + dir);
        if ( outcome.equals("before") ) {
            assertEquals(before.get(Graphs.AUDIT), state.get(Graphs.AUDIT), "the audit trail as before");
        } else {
            assertEquals(1, recordsOfTheWrite, "one record of the write");
            assertEquals(beforeRecords + 1, records, "the records before, and the write's");
        }
        if ( restartedQuads >= 0 )
            assertEquals(state.values().stream().mapToLong(GraphDigest::quads).sum(), restartedQuads,
                         "quads the restarted server counts");
        return outcome;
    }

    /** Every graph's digest but the audit trail's. */
    private static Map<String, GraphDigest> facts(Map<String, GraphDigest> digests) {
        Map<String, GraphDigest> facts = new TreeMap<>(digests);
        facts.remove(Graphs.AUDIT);
        return facts;
    }

    private static long auditCount(TdbStore store, String pattern) {
        String query = "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>\n"
            + "SELECT (COUNT(DISTINCT ?a) AS ?n) { GRAPH <" + Graphs.AUDIT + "> { " + pattern + " } }";
        return Txn.calculateRead(store.datasetGraph(), () -> {
            try ( QueryExecution exec = QueryExecutionFactory.create(query, store.dataset()) ) {
                return exec.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    private static Map<String, GraphDigest> digest(Path dir) {
        try ( TdbStore store = StoreStack.at(dir).existing().open() ) {
            return StoreDigest.of(store.datasetGraph());
        }
    }

    private static ChildJvm.Server serve(Path dir, String name) {
        return ChildJvm.serve(tmp.resolve("serve-" + name + ".log"), "--tdb", dir.toString(), "--passwd", passwd.toString(),
                              "--max-body", "64", "--update-timeout", "600");
    }

    private static long countQuads(ChildJvm.Server server) {
        QuerySolution row = SparqlClient.select(server.sparqlUrl(),
            "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }").next();
        return row.getLiteral("n").getLong();
    }

    /** Sends the update on a client of its own: the request dies with the server. */
    private static CompletableFuture<HttpResponse<String>> post(ChildJvm.Server server, String update) {
        String credentials = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/kg/update"))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", SparqlClient.SPARQL_UPDATE)
            .POST(BodyPublishers.ofString(update))
            .build();
        return HttpClient.newHttpClient().sendAsync(request, BodyHandlers.ofString());
    }

    private static String syntheticTriples() {
        return syntheticTriples(PLACES);
    }

    private static String syntheticTriples(int places) {
        StringBuilder out = new StringBuilder(places * 160);
        for ( int i = 0; i < places; i++ ) {
            out.append("<https://example.org/synthetic/place-").append(i).append("> ")
               .append("<http://www.w3.org/2000/01/rdf-schema#label> \"synthetic place ").append(i).append("\"@en ;\n")
               .append("    <https://w3id.org/diplomacy-kg/ontology#locatedIn> <https://example.org/synthetic/region-")
               .append(i % 500).append("> .\n");
        }
        return out.toString();
    }

    private static String syntheticUpdate() {
        return "INSERT DATA { GRAPH <" + GRAPH + "> {\n" + syntheticTriples() + "} }";
    }

    private static Path syntheticBundle() throws IOException {
        return syntheticBundle("bundles", PLACES);
    }

    private static Path syntheticBundle(String under, int places) throws IOException {
        Path bundle = Files.createDirectories(tmp.resolve(under).resolve(SLUG));
        Files.writeString(bundle.resolve("facts.ttl"), syntheticTriples(places));
        Files.writeString(bundle.resolve("text.id.txt"), "Teks sintetis untuk uji kerusakan (synthetic text for a crash test).\n");
        return bundle;
    }

    /** A copy of the closed store {@code store} under the test's directory. */
    private static Path copyOf(Path store, String name) {
        return Fixtures.copyStore(store, tmp.resolve(name));
    }
}
