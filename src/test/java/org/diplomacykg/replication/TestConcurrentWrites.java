package org.diplomacykg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.IntStream;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.diplomacykg.ChildJvm;
import org.diplomacykg.StoreDigest;
import org.diplomacykg.StoreDigest.GraphDigest;
import org.diplomacykg.replication.ReplicatedService.Answer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients writing to the primary at the same time, as several analysts do: the primary
 * commits one write at a time, and each write's answer carries the offset of its own record
 * (not a neighbour's), every write is published (none is kept by the primary alone), and the
 * replica ends digest-equal to the primary.
 */
@Tag("kafka")
class TestConcurrentWrites {

    private static final int CLIENTS = 4;
    private static final int WRITES_EACH = 10;

    @TempDir
    Path tmp;

    private final KafkaCluster cluster = KafkaCluster.shared();

    /** A replica that holds every record reports a lag of 0 (status and metric), once it has looked at the topic's end again. */
    private static void assertNoLag(ChildJvm.Server replica) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonObject status = ReplicatedService.status(replica);
        while ( status.get("lag").getAsNumber().value().longValue() != 0 && System.nanoTime() < deadline ) {
            ChildJvm.sleep(Duration.ofMillis(200));
            status = ReplicatedService.status(replica);
        }
        assertEquals(0, status.get("lag").getAsNumber().value().longValue(), "lag of a replica holding every record: " + status);
    }

    @Test
    void eachConcurrentWriteIsPublishedWithItsOwnOffset() {
        Map<Integer, Answer> answers = new ConcurrentSkipListMap<>();
        Map<String, Map<String, GraphDigest>> digests;
        try ( ReplicatedService service = new ReplicatedService(tmp, cluster, "concurrent", 1) ) {
            CompletableFuture<?>[] clients = IntStream.range(0, CLIENTS).mapToObj(c -> CompletableFuture.runAsync(() -> {
                for ( int i = 0 ; i < WRITES_EACH ; i++ ) {
                    int n = c * WRITES_EACH + i;
                    answers.put(n, service.update(SyntheticWrites.update(n, 5)));
                }
            })).toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(clients).join();

            Map<Long, String> records = new TreeMap<>();
            for ( ConsumerRecord<byte[], byte[]> record : cluster.readCommitted(service.topic()) )
                records.put(record.offset(), new String(record.value(), StandardCharsets.UTF_8));
            answers.forEach((n, answer) -> {
                assertTrue(answer.acknowledged(), () -> "write " + n + ": " + answer);
                assertNotNull(answer.offset(), () -> "write " + n + " answered without DKG-Offset");
                String record = records.get(answer.offset());
                assertNotNull(record, () -> "write " + n + ": no committed record at its offset " + answer.offset());
                assertTrue(record.contains("place-" + n + "-0>"), () -> "write " + n + ": the record at its offset is its own");
            });
            assertEquals(answers.size(), records.size(), "one record per write");

            service.awaitReplicasCaughtUp(Duration.ofSeconds(60));
            assertNoLag(service.replica(0));
            Set<Integer> all = answers.keySet();
            assertEquals(all, SyntheticWrites.held(service.primary().sparqlUrl()), "the primary holds every write");
            assertEquals(all, SyntheticWrites.held(service.replica(0).sparqlUrl()), "the replica holds every write");
            digests = service.stopAndDigest();
        }
        Map<String, GraphDigest> primary = digests.get("primary");
        assertEquals(primary, digests.get("replica 0"),
            () -> "the replica differs from the primary:\n" + StoreDigest.describe(digests.get("replica 0"))
                  + "primary:\n" + StoreDigest.describe(primary));
    }
}
