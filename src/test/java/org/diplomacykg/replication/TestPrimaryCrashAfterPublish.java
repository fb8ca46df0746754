package org.diplomacykg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JSON;
import org.diplomacykg.ChildJvm;
import org.diplomacykg.StoreDigest;
import org.diplomacykg.TestServers;
import org.diplomacykg.store.FaultPoints;
import org.diplomacykg.store.StoreCopy;
import org.diplomacykg.store.StoreExport;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The primary as {@code serve --publish} runs it, halted at {@code after-publish}: Kafka has
 * committed the write's record, the store has not committed the write. The client got no
 * answer; the restarted primary applies the record from the topic before it serves, so it
 * holds the write once, as the replica that applies the topic does.
 */
@Tag("kafka")
class TestPrimaryCrashAfterPublish {

    private static final String TOPIC = "crash-after-publish";
    private static final String INSERT = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        PREFIX oa:  <http://www.w3.org/ns/oa#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        INSERT DATA { GRAPH <https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10> {
          id:statement-before-the-crash a dkg:Statement ; dkg:attributedTo id:sergey-lavrov ;
            dkg:revises id:russia-position-on-ukraine ; dkg:date "2025-09-10T00:00:00"^^xsd:dateTime ;
            dkg:evidence [ a oa:TextQuoteSelector ; oa:exact "Menteri Luar Negeri Rusia Sergey Lavrov" ;
                           dkg:inArticle id:article-lavrov-rubio-2025-10 ] .
        } }
        """;
    private static final String ASK = """
        ASK { <https://w3id.org/diplomacy-kg/id/statement-before-the-crash> a ?type }
        """;

    private final KafkaCluster cluster = KafkaCluster.shared();

    @TempDir
    Path dir;

    @Test
    void theRestartedPrimaryHoldsTheWriteKafkaCommitted() throws Exception {
        cluster.createTopic(TOPIC);
        Path primary = dir.resolve("primary");
        Path replica = dir.resolve("replica");
        Path export = dir.resolve("primary.nq");
        try ( TdbStore store = StoreStack.at(primary).filledFrom(ReplicationNodes.LAYOUT).open();
              OutputStream out = Files.newOutputStream(export) ) {
            StoreExport.write(store.datasetGraph(), null, StoreExport.Format.NQUADS, out);
        }
        try ( TdbStore store = StoreStack.at(replica).open() ) {
            StoreCopy.restore(store, export);
        }
        Path passwd = TestServers.makePrivate(Files.writeString(dir.resolve("passwd"), "alice: secret\n"));
        String[] serve = { "--tdb", primary.toString(), "--passwd", passwd.toString(),
                           "--publish", cluster.bootstrapServers(), "--topic", TOPIC };

        try ( ChildJvm.Server halting = ChildJvm.serve(List.of("-Ddkg.fault=" + FaultPoints.AFTER_PUBLISH), dir.resolve("halting.log"), serve) ) {
            try {
                HttpResponse<String> answer = update(halting.baseUrl());
                throw new AssertionError("the write was answered: " + answer.statusCode() + " " + answer.body());
            } catch (IOException expected) {
                // The JVM halted before answering.
            }
            assertTrue(halting.jvm().waitFor(Duration.ofSeconds(30)));
            assertEquals(FaultPoints.EXIT_CODE, halting.jvm().process().exitValue(), halting.jvm().output());
        }

        try ( ChildJvm.Server restarted = ChildJvm.serve(dir.resolve("restarted.log"), serve) ) {
            assertTrue(ask(restarted.baseUrl()), "the record Kafka committed is in the restarted primary's store");
            var status = JSON.parse(get(restarted.baseUrl() + "/$/status"));
            assertEquals(0, status.get("appliedOffset").getAsNumber().value().longValue(), status.toString());
            restarted.jvm().stop();
        }

        try ( TdbStore p = StoreStack.at(primary).existing().open(); TdbStore r = StoreStack.at(replica).existing().open() ) {
            new RecordApplierDriver(r, cluster.bootstrapServers(), TOPIC).applyToEnd();
            assertEquals(withoutReplication(StoreDigest.of(p.storage())), withoutReplication(StoreDigest.of(r.storage())),
                         "the replica, which applies the topic, holds what the primary holds");
        }
    }

    /** Applies the topic to a store up to its end, as a replica does, then stops. */
    private record RecordApplierDriver(TdbStore store, String bootstrap, String topic) {
        void applyToEnd() {
            RecordApplier applier = new RecordApplier(store, topic);
            try ( TopicReader reader = new TopicReader(bootstrap, topic, applier.stored()) ) {
                long end = reader.end(Duration.ofSeconds(30));
                while ( reader.position(Duration.ofSeconds(30)) < end )
                    reader.poll(Duration.ofSeconds(1)).forEach(r -> applier.apply(r.offset(), r.value()));
            }
        }
    }

    private static Map<String, StoreDigest.GraphDigest> withoutReplication(Map<String, StoreDigest.GraphDigest> digests) {
        digests.remove(Graphs.REPLICATION);
        return digests;
    }

    private static HttpResponse<String> update(String base) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/kg/update"))
            .header("Authorization", "Basic " + auth).header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString(INSERT)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean ask(String base) throws IOException, InterruptedException {
        String body = get(base + "/kg/sparql?query=" + URLEncoder.encode(ASK, StandardCharsets.UTF_8));
        return JSON.parse(body).get("boolean").getAsBoolean().value();
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
                                               HttpResponse.BodyHandlers.ofString()).body();
    }
}
