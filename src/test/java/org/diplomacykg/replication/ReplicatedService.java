package org.diplomacykg.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.diplomacykg.ChildJvm;
import org.diplomacykg.Fixtures;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.StoreDigest;
import org.diplomacykg.StoreDigest.GraphDigest;
import org.diplomacykg.TestServers;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;

/**
 * A replicated service as an operator runs it, for the failure tests: a primary
 * ({@code serve --tdb P --passwd F --publish BOOTSTRAP --topic T}) and replicas
 * ({@code serve --tdb R --replica-of BOOTSTRAP --topic T}), each a child JVM on a store of its
 * own, all made from one store filled from {@code ontology/} and {@code data/} (a copy of the
 * primary's store before its first write is what {@code load --from-export} gives a replica).
 * Logs and stores go under the test's directory.
 */
final class ReplicatedService implements AutoCloseable {

    static final String USER = "replication-test";
    static final String PASSWORD = "synthetic password";

    /** Time a write may take when a broker has just died: the producer's own limit is 30 s. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(90);

    private static Path pristine;

    private final Path dir;
    private final KafkaCluster cluster;
    private final String topic;
    private final Path passwd;
    private Path primaryStore;
    private ChildJvm.Server primary;
    private final List<Path> replicaStores = new ArrayList<>();
    private final List<ChildJvm.Server> replicas = new ArrayList<>();
    private int starts;
    /** Heaps of the primary's and the replicas' JVMs: small for the tests, which run several at once. */
    private final String primaryHeap;
    private final String replicaHeap;

    /** A new topic {@code topic} on {@code cluster}, a primary publishing to it and {@code replicas} replicas following it. */
    ReplicatedService(Path dir, KafkaCluster cluster, String topic, int replicas) {
        this(dir, cluster, topic, replicas, "768m", "512m");
    }

    /** The same, with the servers' heaps given ({@code -Xmx} values). */
    ReplicatedService(Path dir, KafkaCluster cluster, String topic, int replicas, String primaryHeap, String replicaHeap) {
        this.primaryHeap = primaryHeap;
        this.replicaHeap = replicaHeap;
        this.dir = dir;
        this.cluster = cluster;
        this.topic = topic;
        cluster.createTopic(topic);
        try {
            passwd = TestServers.makePrivate(Files.writeString(dir.resolve("passwd"), USER + ": " + PASSWORD + "\n"));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        primaryStore = Fixtures.copyStore(pristine(), dir.resolve("primary"));
        for ( int i = 0 ; i < replicas ; i++ )
            replicaStores.add(Fixtures.copyStore(pristine(), dir.resolve("replica-" + i)));
        for ( int i = 0 ; i < replicas ; i++ )
            this.replicas.add(null);
        try {
            startPrimary();
            for ( int i = 0 ; i < replicas ; i++ )
                startReplica(i);
        } catch (RuntimeException | Error ex) {
            // No server may outlive a failed start: child JVMs do not end with this one.
            close();
            throw ex;
        }
    }

    String topic() {
        return topic;
    }

    ChildJvm.Server primary() {
        return primary;
    }

    ChildJvm.Server replica(int i) {
        return replicas.get(i);
    }

    int replicaCount() {
        return replicas.size();
    }

    Path replicaStore(int i) {
        return replicaStores.get(i);
    }

    void startPrimary() {
        primary = ChildJvm.serve(List.of("-Xmx" + primaryHeap), log("primary"), "--tdb", primaryStore.toString(), "--passwd", passwd.toString(),
                                 "--publish", cluster.bootstrapServers(), "--topic", topic);
    }

    void startReplica(int i) {
        replicas.set(i, ChildJvm.serve(List.of("-Xmx" + replicaHeap), log("replica-" + i), "--tdb", replicaStores.get(i).toString(),
                                       "--replica-of", cluster.bootstrapServers(), "--topic", topic));
    }

    /** Kills the primary (SIGKILL), as when its machine dies; returns its store, as the kill left it. */
    Path killPrimary() {
        primary.jvm().kill();
        primary.jvm().waitFor(Duration.ofSeconds(30));
        return primaryStore;
    }

    /**
     * Replica {@code i} becomes the primary, as docs/scale-out.md says to fail over: stopped, then
     * started on its own store with {@code --promote --publish}; the others go on following.
     */
    void promote(int i) {
        ChildJvm.Server replica = replicas.remove(i);
        replica.jvm().stop();
        replica.jvm().waitFor(Duration.ofSeconds(60));
        primaryStore = replicaStores.remove(i);
        primary = ChildJvm.serve(List.of("-Xmx" + primaryHeap), log("promoted"), "--tdb", primaryStore.toString(), "--passwd", passwd.toString(),
                                 "--publish", cluster.bootstrapServers(), "--topic", topic, "--promote");
    }

    /** Runs {@code serve --publish} on {@code store} as the primary was started, without waiting for it to answer. */
    ChildJvm startAsPrimary(Path store) {
        int port;
        try ( java.net.ServerSocket socket = new java.net.ServerSocket(0) ) {
            port = socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return ChildJvm.start(log("restarted"), "serve", "--port", String.valueOf(port), "--tdb", store.toString(),
                              "--passwd", passwd.toString(), "--publish", cluster.bootstrapServers(), "--topic", topic);
    }

    /** Starts one more replica, on {@code store} (e.g. made by {@code load --from-export --replica}); returns its index. */
    int addReplica(Path store) {
        replicaStores.add(store);
        replicas.add(null);
        startReplica(replicas.size() - 1);
        return replicas.size() - 1;
    }

    /** A log file of its own for each start of a server (or a command), under the test's directory. */
    Path log(String name) {
        return dir.resolve(name + "-" + (++starts) + ".log");
    }

    /** A write's answer: its status, body, and the offset of its record (null when none). */
    record Answer(int status, String body, Long offset) {
        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    /** Sends a SPARQL Update to the primary, as a client would, on a connection of its own. */
    Answer update(String update) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(primary.baseUrl() + "/kg/update"))
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", SparqlClient.SPARQL_UPDATE)
            .timeout(WRITE_TIMEOUT)
            .POST(BodyPublishers.ofString(update))
            .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
            String offset = response.headers().firstValue("DKG-Offset").orElse(null);
            return new Answer(response.statusCode(), response.body(), offset == null ? null : Long.valueOf(offset));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** {@code /$/status} of a server. */
    static JsonObject status(ChildJvm.Server server) {
        HttpResponse<String> response = SparqlClient.get(server.baseUrl() + "/$/status", "application/json");
        SparqlClient.requireOk(response);
        return JSON.parse(response.body());
    }

    /** The last record a server's store holds, as its status says. */
    static long applied(ChildJvm.Server server) {
        return status(server).get("appliedOffset").getAsNumber().value().longValue();
    }

    /** Waits until {@code server} has applied the record at {@code offset}; fails showing its status and output otherwise. */
    static void awaitApplied(ChildJvm.Server server, long offset, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ( applied(server) < offset ) {
            if ( System.nanoTime() > deadline || !server.jvm().process().isAlive() )
                throw new AssertionError("not applied up to offset " + offset + " within " + timeout + ": "
                                         + status(server) + "\n" + server.jvm().output());
            ChildJvm.sleep(Duration.ofMillis(100));
        }
    }

    /** Waits until every replica holds what the primary holds. */
    void awaitReplicasCaughtUp(Duration timeout) {
        long offset = applied(primary);
        for ( ChildJvm.Server replica : replicas )
            awaitApplied(replica, offset, timeout);
    }

    /** Stops every server (SIGTERM) and digests each store: the primary's first, then each replica's, by name. */
    Map<String, Map<String, GraphDigest>> stopAndDigest() {
        close();
        Map<String, Map<String, GraphDigest>> digests = new LinkedHashMap<>();
        digests.put("primary", digest(primaryStore));
        for ( int i = 0 ; i < replicaStores.size() ; i++ )
            digests.put("replica " + i, digest(replicaStores.get(i)));
        return digests;
    }

    /** Deletes the servers' stores (after {@link #close()}), keeping their logs. */
    void deleteStores() {
        KafkaCluster.deleteRecursively(primaryStore);
        replicaStores.forEach(KafkaCluster::deleteRecursively);
    }

    static Map<String, GraphDigest> digest(Path store) {
        try ( TdbStore tdb = StoreStack.at(store).existing().open() ) {
            return StoreDigest.of(tdb.datasetGraph());
        }
    }

    @Override
    public void close() {
        for ( ChildJvm.Server replica : replicas )
            if ( replica != null )
                replica.jvm().stop();
        if ( primary != null )
            primary.jvm().stop();
    }

    /**
     * A store filled from ontology/ and data/, as {@code serve --tdb} fills a new one, closed:
     * made once per test JVM (it takes seconds), and copied for each server.
     */
    private static synchronized Path pristine() {
        if ( pristine == null ) {
            try {
                Path made = Files.createTempDirectory("replication-pristine");
                try ( TdbStore store = StoreStack.at(made).filledFrom(new DataLayout(Path.of("ontology"), Path.of("data"))).open() ) {
                    // Filled and materialised on opening.
                }
                pristine = made;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> KafkaCluster.deleteRecursively(made)));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return pristine;
    }
}
