package org.diplomacykg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cluster the replication tests run on keeps the promise they rely on: a transactional
 * producer's committed records survive the loss of a broker (the partition's leader, killed
 * with SIGKILL mid-stream), and a {@code read_committed} consumer reads each of them exactly
 * once, in the order written.
 */
@Tag("kafka")
class TestKafkaCluster {

    private static final String TOPIC = "smoke";
    private static final int RECORDS = 150;

    private final KafkaCluster cluster = KafkaCluster.shared();

    @BeforeEach
    void createTopic() {
        cluster.createTopic(TOPIC);
    }

    @AfterEach
    void restartBrokers() {
        cluster.restartKilled();
    }

    @Test
    void committedRecordsSurviveTheLeadersDeathAndAreReadOnceInOrder() {
        int killed;
        try ( KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig()) ) {
            producer.initTransactions();
            for ( int i = 0 ; i < 50 ; i++ )
                TransactionalWrites.commitOne(producer, new ProducerRecord<>(TOPIC, "record " + i));
            killed = cluster.leaderOf(TOPIC);
            cluster.kill(killed);
            for ( int i = 50 ; i < 100 ; i++ )
                TransactionalWrites.commitOne(producer, new ProducerRecord<>(TOPIC, "record " + i));
            assertNotEquals(killed, cluster.leaderOf(TOPIC), "a surviving broker leads the partition");
            cluster.restart(killed);
            cluster.awaitInSync(TOPIC);
            for ( int i = 100 ; i < RECORDS ; i++ )
                TransactionalWrites.commitOne(producer, new ProducerRecord<>(TOPIC, "record " + i));
        }

        List<String> expected = new ArrayList<>();
        for ( int i = 0 ; i < RECORDS ; i++ )
            expected.add("record " + i);
        List<String> read = cluster.readCommitted(TOPIC).stream()
            .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
        assertEquals(expected, read, "every committed record once, in order; broker " + killed + " was killed");
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "smoke-writer");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }
}
