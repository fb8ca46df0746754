package org.diplomacykg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.diplomacykg.StoreDigest;
import org.diplomacykg.TestServers;
import org.diplomacykg.server.KgServer;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.write.WriteAccess;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.StoreCopy;
import org.diplomacykg.store.StoreExport;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;
import org.diplomacykg.store.WriteGate;
import org.diplomacykg.vocab.Graphs;

/**
 * Servers of a replicated service in this JVM, each on a store of its own and a free port,
 * made as the commands make them: the primary's store filled from {@code ontology/} and
 * {@code data/}, exported as N-Quads, each replica's store a copy of that export
 * ({@code load --from-export --replica}); {@code serve --publish}, {@code --replica-of} and
 * {@code --promote} are {@link #primary}, {@link #replica} and {@link #promote}.
 */
final class ReplicationNodes implements AutoCloseable {

    static final String USER = "alice";
    static final String PASSWORD = "correct horse battery staple";
    static final DataLayout LAYOUT = new DataLayout(Path.of("ontology"), Path.of("data"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path dir;
    private final String bootstrap;
    private final String topic;
    private final Path passwd;
    private final Path export;
    private final List<AutoCloseable> open = new ArrayList<>();

    /** One server: its store, its HTTP server, its part. */
    record Node(Path dir, TdbStore store, FusekiServer server, Replication replication) {
        String url(String path) {
            return "http://localhost:" + server.getHttpPort() + path;
        }

        /** The quads of every graph but the replication graph. */
        Map<String, StoreDigest.GraphDigest> digest() {
            Map<String, StoreDigest.GraphDigest> digests = StoreDigest.of(store.storage());
            digests.remove(Graphs.REPLICATION);
            return digests;
        }
    }

    /** Fills the primary's store and exports it, as an operator does before the first start. */
    ReplicationNodes(Path dir, KafkaCluster cluster, String topic) {
        this.dir = dir;
        this.bootstrap = cluster.bootstrapServers();
        this.topic = topic;
        cluster.createTopic(topic);
        try {
            passwd = TestServers.makePrivate(Files.writeString(dir.resolve("passwd"), USER + ": " + PASSWORD + "\n"));
            export = dir.resolve("primary.nq");
            try ( TdbStore store = StoreStack.at(dir.resolve("primary")).filledFrom(LAYOUT).open();
                  OutputStream out = Files.newOutputStream(export) ) {
                StoreExport.write(store.datasetGraph(), null, StoreExport.Format.NQUADS, out);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** {@code serve --tdb primary --passwd F --publish BOOTSTRAP --topic T}. */
    Node primary() {
        return writable(dir.resolve("primary"), false);
    }

    /** {@code load --tdb NAME --from-export primary.nq --replica}, then {@code serve --tdb NAME --replica-of BOOTSTRAP --topic T}. */
    Node replica(String name) {
        TdbStore store = StoreStack.at(dir.resolve(name)).open();
        if ( !store.isInitialised() )
            StoreCopy.restore(store, export);
        ReplicaFollower follower = ReplicaFollower.start(store, bootstrap, topic);
        open.add(follower);
        return serve(dir.resolve(name), store, new ServerConfig(0, ServerConfig.DEFAULT_QUERY_TIMEOUT, store.datasetGraph()),
                     follower.status());
    }

    /** Stops the replica and starts its store again as {@code serve --tdb NAME --promote --publish BOOTSTRAP --topic T}. */
    Node promote(Node replica) throws Exception {
        replica.server().stop();
        for ( AutoCloseable c : List.copyOf(open) ) {
            if ( c instanceof ReplicaFollower f && f.status() == replica.replication() ) {
                f.close();
                open.remove(f);
            }
        }
        open.remove(replica.store());
        replica.store().close();
        return writable(replica.dir(), true);
    }

    /** {@code serve --tdb DIR --passwd F --publish BOOTSTRAP --topic T}, with {@code --promote} or not. */
    private Node writable(Path storeDir, boolean promote) {
        KafkaPublisher publisher = new KafkaPublisher(bootstrap, topic);
        open.add(publisher);
        TdbStore store = StoreStack.at(storeDir).gate(WriteGate.forLayout(LAYOUT)).commitLog(publisher).open();
        Replication replication;
        try {
            replication = publisher.start(store, promote);
        } catch (RuntimeException ex) {
            store.close();
            throw ex;
        }
        return serve(storeDir, store, new ServerConfig(0, ServerConfig.DEFAULT_QUERY_TIMEOUT, store.datasetGraph(), null,
                                                       new WriteAccess(passwd)), replication);
    }

    private Node serve(Path storeDir, TdbStore store, ServerConfig config, Replication replication) {
        FusekiServer server = KgServer.build(config.withReplication(replication));
        server.start();
        Node node = new Node(storeDir, store, server, replication);
        open.add(() -> server.stop());
        open.add(store);
        return node;
    }

    /** A SPARQL Update on {@code node}, authenticated. */
    static HttpResponse<String> update(Node node, String update) {
        String auth = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(node.url("/kg/update")))
            .header("Authorization", "Basic " + auth)
            .header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString(update)));
    }

    /** The offset a write answered with. */
    static long offsetOf(HttpResponse<String> write) {
        assertEquals(204, write.statusCode(), write.body());
        return Long.parseLong(write.headers().firstValue("DKG-Offset").orElseThrow());
    }

    /** A SPARQL SELECT on {@code node} once it holds {@code after}, as CSV. */
    static HttpResponse<String> select(Node node, String query, long after) {
        return send(HttpRequest.newBuilder(URI.create(node.url("/kg/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))))
            .header("Accept", "text/csv")
            .header("DKG-After", Long.toString(after)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        for ( int i = open.size() - 1; i >= 0; i-- ) {
            try {
                open.get(i).close();
            } catch (Exception ex) {
                // Closing the rest matters more.
            }
        }
    }
}
