package org.diplomacykg.replication;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** How this service talks to Kafka: one partition per topic, a transactional producer, read-committed consumers. */
final class KafkaSettings {

    /** The one partition of a topic: one ordered log of writes. */
    static final int PARTITION = 0;

    /**
     * The largest record the producer sends: 16 MB, far above an article with its inferences
     * and explanations. The topic must allow it ({@code max.message.bytes}); a larger write is
     * refused (503) and kept by nobody.
     */
    static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    static TopicPartition partition(String topic) {
        return new TopicPartition(topic, PARTITION);
    }

    /**
     * The transactional id of every primary of {@code topic}: the same for a promoted replica,
     * so that its {@code initTransactions} fences the one before.
     */
    static String transactionalId(String topic) {
        return "diplomacy-kg-primary-" + topic;
    }

    static Properties producer(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(topic));
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        // A write waits for Kafka at most this long before its client gets a 503; enough for a
        // new partition leader to be elected after a broker dies.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        // A primary that dies inside a Kafka transaction holds back the replicas' reads until
        // the transaction times out (or a new primary fences it): keep that short.
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    static Properties consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // Only records of committed Kafka transactions: what the primary kept.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The position is the store's own (its replication graph), never a consumer group's.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // A mistyped topic is an error, not a new topic with the broker's defaults.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_RECORD_BYTES);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    private KafkaSettings() {}
}
