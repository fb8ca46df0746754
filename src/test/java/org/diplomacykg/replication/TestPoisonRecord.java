package org.diplomacykg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.diplomacykg.ChildJvm;
import org.diplomacykg.replication.ReplicatedService.Answer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record that is not a patch (written to the topic by something other than the primary)
 * stops a replica at that record, with an error that names it, in its status and its log: it
 * does not skip the record and apply the ones after, which would leave it different from the
 * primary for good, and a restart does not get it past the record either. It goes on serving
 * what it holds.
 */
@Tag("kafka")
class TestPoisonRecord {

    private static final String NOT_A_PATCH = "this is not an RDF Patch\n";

    @TempDir
    Path tmp;

    private final KafkaCluster cluster = KafkaCluster.shared();

    @Test
    void aReplicaStopsAtARecordThatIsNotAPatch() throws Exception {
        try ( ReplicatedService service = new ReplicatedService(tmp, cluster, "poison", 1) ) {
            Answer before = service.update(SyntheticWrites.update(0, 3));
            assertTrue(before.acknowledged(), before::toString);
            ReplicatedService.awaitApplied(service.replica(0), before.offset(), Duration.ofSeconds(60));

            long poison = send(service.topic(), NOT_A_PATCH.getBytes(StandardCharsets.UTF_8));
            Answer after = service.update(SyntheticWrites.update(1, 3));
            assertTrue(after.acknowledged(), after::toString);
            assertTrue(after.offset() > poison, "the primary's write comes after the poison record");

            assertStoppedAt(service.replica(0), poison, before.offset());

            // Started again on its store, it reads from where it stopped, and stops there again.
            service.replica(0).jvm().stop();
            service.startReplica(0);
            assertStoppedAt(service.replica(0), poison, before.offset());
        }
    }

    /** Stopped with an error naming the record at {@code poison}; holds what it held before it, and still answers reads. */
    private static void assertStoppedAt(ChildJvm.Server replica, long poison, long applied) {
        JsonObject status = awaitError(replica, Duration.ofSeconds(60));
        String error = status.get("error").getAsString().value();
        assertTrue(error.contains("offset " + poison), () -> "the error names the record: " + error);
        assertEquals(applied, ReplicatedService.applied(replica), () -> "applied nothing past the record: " + status);
        assertEquals(Set.of(0), SyntheticWrites.held(replica.sparqlUrl()), "the write before the record, not the one after");
        assertTrue(replica.jvm().output().contains(error), () -> "the log says why:\n" + replica.jvm().output());
    }

    private static JsonObject awaitError(ChildJvm.Server replica, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ( true ) {
            JsonObject status = ReplicatedService.status(replica);
            if ( status.hasKey("error") )
                return status;
            if ( System.nanoTime() > deadline )
                throw new AssertionError("no error within " + timeout + ": " + status + "\n" + replica.jvm().output());
            ChildJvm.sleep(Duration.ofMillis(200));
        }
    }

    /** Writes {@code value} to the topic as any Kafka client could, outside the primary; returns its offset. */
    private long send(String topic, byte[] value) throws InterruptedException, ExecutionException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try ( KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config) ) {
            return producer.send(new ProducerRecord<>(topic, 0, null, value)).get().offset();
        }
    }
}
