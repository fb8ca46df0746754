package org.diplomacykg.replication;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Reads the topic from the record after the one the store holds, with
 * {@code isolation.level=read_committed}: what primaries committed, in order. Used by a
 * replica to follow the topic and by a primary to catch up before it takes writes.
 */
final class TopicReader implements AutoCloseable {

    /** The record header naming the primary that published a record (see {@link KafkaPublisher#identity}). */
    static final String PUBLISHER_HEADER = "dkg-publisher";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final String topic;

    /**
     * Opens the topic at the record after {@code stored}.
     *
     * @throws ReplicationException if the topic does not exist or has more than one partition
     */
    TopicReader(String bootstrap, String topic, long stored) {
        this.topic = topic;
        this.partition = KafkaSettings.partition(topic);
        this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrap));
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if ( partitions.isEmpty() )
                throw new ReplicationException("There is no topic " + topic + " on " + bootstrap
                    + ": create it with one partition (see docs/scale-out.md)", null);
            if ( partitions.size() > 1 )
                throw new ReplicationException("The topic " + topic + " has " + partitions.size() + " partitions: "
                    + "the writes need one total order, so one partition", null);
        } catch (RuntimeException ex) {
            consumer.close(Duration.ZERO);
            throw ex;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, stored + 1);
    }

    /** The offset the next committed record will have (the last stable offset). */
    long end(Duration timeout) {
        return consumer.endOffsets(List.of(partition), timeout).get(partition);
    }

    /** The offset of the next record to read. */
    long position(Duration timeout) {
        return consumer.position(partition, timeout);
    }

    /** The next records, waiting up to {@code timeout}; none when there are none yet. */
    Iterable<ConsumerRecord<byte[], byte[]>> poll(Duration timeout) {
        try {
            return consumer.poll(timeout).records(partition);
        } catch (OffsetOutOfRangeException ex) {
            throw new ReplicationException("The topic " + topic + " no longer holds the records after this store's "
                + "offset (removed by retention): make this store again from a recent export (see docs/scale-out.md)", ex);
        }
    }

    /** Who published the record, or null for a record without the header. */
    static String publisher(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(PUBLISHER_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Interrupts a {@link #poll} in progress from another thread. */
    void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
