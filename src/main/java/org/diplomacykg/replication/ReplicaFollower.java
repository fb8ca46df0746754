package org.diplomacykg.replication;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.diplomacykg.store.TdbStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's side: a thread that reads the topic from the record after the store's offset
 * and applies each record in one transaction with its offset ({@link RecordApplier}), for as
 * long as the server runs. A record that is not a whole patch stops it: the replica goes on
 * serving what it holds, and its status says why it stopped (it never skips a record, which
 * would leave it different from the primary for good). Kafka being away only delays it.
 */
public final class ReplicaFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrap;
    private final String topic;
    private final RecordApplier applier;
    private final Replication status;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile TopicReader reader;

    private ReplicaFollower(TdbStore store, String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.applier = new RecordApplier(store, topic);
        this.status = new Replication(Replication.Role.REPLICA, bootstrap, topic, applier.stored());
        this.thread = new Thread(this::follow, "replica of " + topic);
        thread.setDaemon(true);
    }

    /** Starts following {@code topic} into the store, from the record after the one it holds. */
    public static ReplicaFollower start(TdbStore store, String bootstrap, String topic) {
        ReplicaFollower follower = new ReplicaFollower(store, bootstrap, topic);
        LOG.info("Replica of topic {} on {}: the store holds it to offset {}", topic, bootstrap, follower.status.applied());
        follower.thread.start();
        return follower;
    }

    /** The state shown by the status endpoint. */
    public Replication status() {
        return status;
    }

    private void follow() {
        while ( !stopping ) {
            try ( TopicReader opened = new TopicReader(bootstrap, topic, applier.stored()) ) {
                reader = opened;
                while ( !stopping ) {
                    for ( ConsumerRecord<byte[], byte[]> record : opened.poll(POLL) ) {
                        applier.apply(record.offset(), record.value());
                        status.applied(record.offset());
                    }
                    long end = opened.end(KAFKA_TIMEOUT);
                    status.read(opened.position(KAFKA_TIMEOUT), end);
                }
            } catch (WakeupException ex) {
                return;
            } catch (InvalidRecordException | ReplicationException ex) {
                LOG.error("Stopped applying the topic {}: {}. The replica serves what it holds; it does not skip a record. "
                          + "Make its store again from an export taken after that record.", topic, ex.getMessage());
                status.failed(ex.getMessage());
                return;
            } catch (RuntimeException ex) {
                if ( stopping )
                    return;
                // Kafka away or a timeout: read again from the store's offset after a pause.
                LOG.warn("Reading the topic {} failed, trying again: {}", topic, ex.toString());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping = true;
        TopicReader current = reader;
        if ( current != null )
            current.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
