package org.diplomacykg.replication;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.changes.RDFChangesCollector;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.diplomacykg.store.CommitLog;
import org.diplomacykg.store.TdbStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The primary's side: every write transaction of the store is published as one record (an
 * {@link PatchRecord RDF Patch}) in a Kafka transaction before the store commits it. Inside
 * the write transaction, after the materialiser and the audit record: begin the Kafka
 * transaction, send, learn the record's offset, store it in the replication graph, commit the
 * Kafka transaction; then the store commits. A Kafka failure aborts the write (503); a local
 * commit that fails after Kafka committed is repaired by applying the record from the topic,
 * as at a start.
 * <p>
 * At the start (and after a failure whose outcome Kafka did not tell) the publisher fences
 * any other producer of the topic ({@code initTransactions} with the topic's transactional
 * id) and then applies every record after the store's offset, so it takes writes only once
 * the store holds the whole topic. A publisher that is fenced in turn (a replica was promoted)
 * refuses every later write.
 */
public final class KafkaPublisher implements CommitLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String bootstrap;
    private final String topic;
    // Set by start, before the store takes writes.
    private Replication status;
    private RecordApplier applier;
    /** Names this store's records in the topic, so that a restart can tell whether another primary took over. */
    private String identity;

    // Written by the writer's thread, one transaction at a time (see CommitLog).
    private KafkaProducer<byte[], byte[]> producer;
    private CountingCollector collector;
    /**
     * The offset published in the current transaction, not yet committed locally. Per thread:
     * {@link #ended} runs after the store's commit has released the writer lock, when the next
     * writer (another thread) may already be in {@link #begin} or {@link #publish}.
     */
    private final ThreadLocal<Long> published = new ThreadLocal<>();
    /**
     * Whether Kafka's outcome of a transaction is unknown, so that the producer must be set up
     * again: writes are refused until {@link #recover} has done it, on its own thread.
     */
    private volatile boolean recover;
    /** Runs {@link #recover} off the writer's thread, so that the failed write's answer does not wait for Kafka. */
    private final ExecutorService recovery = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kafka publisher recovery");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean recovering = new AtomicBoolean();
    /**
     * Held from a transaction's {@link #publish} to its {@link #ended}, so that the next writer
     * publishes only once the previous write's local outcome is known: a record Kafka holds and
     * the store lost (a failed local commit) must be applied before any later record.
     */
    private final ReentrantLock inFlight = new ReentrantLock();
    /** Why writes are refused for good: another primary fenced this one. */
    private volatile String fenced;
    /** Whether {@link #start} has succeeded: before, writes are refused. */
    private volatile boolean started;

    /**
     * The commit log of a primary of {@code topic} on the cluster at {@code bootstrap}: give it to
     * the store ({@link org.diplomacykg.store.StoreStack#commitLog}), then {@link #start} it. It
     * refuses writes until then.
     */
    public KafkaPublisher(String bootstrap, String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    /**
     * Makes the store, built with this commit log, a primary of the topic: catches up with the
     * topic, fences any other producer of it, and from then on publishes every write. Without
     * {@code promote} it refuses when another primary has published since this store's last
     * record (this one was replaced: start it as a replica); with it, it takes over. Returns the
     * state the status endpoint shows.
     *
     * @throws ReplicationException if Kafka cannot be reached, the topic is not there, or another primary took over
     */
    public Replication start(TdbStore store, boolean promote) {
        identity = identity(store);
        applier = new RecordApplier(store, topic);
        status = new Replication(Replication.Role.PRIMARY, bootstrap, topic, applier.stored());
        try {
            // Before fencing: a primary restarted after another took over must not fence that one.
            if ( !promote ) {
                requireLastRecordOwn();
                catchUp(false);
            }
            openProducer();
            catchUp(true);
        } catch (RuntimeException ex) {
            close();
            throw ex instanceof ReplicationException ? ex : new ReplicationException("Cannot start publishing to " + topic
                + " on " + bootstrap + ": " + ex.getMessage(), ex);
        }
        started = true;
        LOG.info("Primary of topic {} on {}: the store holds the topic to offset {}", topic, bootstrap, status.applied());
        return status;
    }

    // ---- CommitLog, on the writer's thread

    @Override
    public RDFChanges begin() {
        collector = new CountingCollector();
        published.remove();
        return collector;
    }

    @Override
    public void publish(DatasetGraph below) {
        inFlight.lock();
        String refusal = fenced;
        if ( refusal != null )
            throw new PublishException(refusal, null);
        if ( !started )
            throw new PublishException("This server is not publishing to " + topic + " yet: nothing of this write was kept", null);
        if ( recover )
            throw new PublishException("The primary is reconnecting to Kafka after a failed write: nothing of this write "
                                       + "was kept; try again shortly", null);
        CountingCollector changes = collector;
        collector = null;
        if ( changes == null || changes.count == 0 )
            return;
        byte[] value = PatchRecord.encode(changes);
        try {
            producer.beginTransaction();
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, KafkaSettings.PARTITION, null, null, value,
                List.of(new RecordHeader(TopicReader.PUBLISHER_HEADER, identity.getBytes(StandardCharsets.UTF_8))));
            long offset = producer.send(record).get().offset();
            StoredOffset.write(below, topic, offset);
            producer.commitTransaction();
            published.set(offset);
        } catch (ExecutionException ex) {
            throw failed(ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw failed(ex);
        } catch (KafkaException ex) {
            throw failed(ex);
        }
    }

    @Override
    public void ended(boolean committed) {
        // Outside the writer lock: only this thread's own state, never the next writer's collector.
        Long offset = published.get();
        published.remove();
        try {
            if ( offset != null && committed ) {
                status.applied(offset);
                WriteOffsets.set(offset);
            } else if ( offset != null ) {
                // Kafka holds a write this store does not: take it from the topic, as a start would.
                recover = true;
            }
        } finally {
            if ( inFlight.isHeldByCurrentThread() )
                inFlight.unlock();
        }
        if ( !committed && recover && started )
            scheduleRecovery();
    }

    // ---- Kafka

    private PublishException failed(Throwable cause) {
        if ( cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException ) {
            fenced = "This server is no longer the primary of the topic " + topic + " on " + bootstrap
                     + ": another server was promoted and fenced it. It takes no more writes; nothing of this write "
                     + "was kept. Send writes to the new primary.";
            LOG.error(fenced);
            status.failed(fenced);
            closeProducer();
            return new PublishException(fenced, cause);
        }
        // Whether Kafka committed is not known for every failure: set up again before the next write.
        recover = true;
        LOG.warn("Publishing a write to {} failed; the write is not kept: {}", topic, cause.toString());
        return new PublishException("Kafka did not take the write (" + cause.getMessage() + "): nothing of it was kept; "
                                    + "try again", cause);
    }

    /**
     * A new producer, and the records Kafka holds but the store does not applied (in write
     * transactions of their own, which wait for the writer's lock like any write); tried again
     * every few seconds while Kafka is away. Writes are refused meanwhile.
     */
    private void recover() {
        try {
            while ( fenced == null ) {
                try {
                    closeProducer();
                    catchUp(false);
                    openProducer();
                    catchUp(true);
                    recover = false;
                    LOG.info("Publishing to {} again: the store holds the topic to offset {}", topic, status.applied());
                    break;
                } catch (ReplicationException ex) {
                    fenced = ex.getMessage();
                    status.failed(fenced);
                    LOG.error(fenced);
                } catch (RuntimeException ex) {
                    LOG.warn("Cannot set up publishing to {} again yet, trying again: {}", topic, ex.toString());
                    Thread.sleep(RETRY.toMillis());
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            recovering.set(false);
        }
        // A write that failed after this recovery succeeded, while it was ending, found it running.
        if ( recover )
            scheduleRecovery();
    }

    private void scheduleRecovery() {
        if ( fenced != null || !recovering.compareAndSet(false, true) )
            return;
        try {
            recovery.execute(this::recover);
        } catch (RejectedExecutionException ex) {
            // Closed: the server is stopping.
            recovering.set(false);
        }
    }

    private void openProducer() {
        producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, topic));
        // Fences every earlier producer of the topic and ends the Kafka transaction it left open.
        producer.initTransactions();
    }

    private void closeProducer() {
        if ( producer == null )
            return;
        try {
            producer.close(Duration.ZERO);
        } catch (RuntimeException ex) {
            LOG.debug("Closing the producer: {}", ex.toString());
        }
        producer = null;
    }

    /**
     * A start without {@code --promote} is a restart of the primary that wrote the store's last
     * record: a replica's store (its last record another primary's) started with {@code --publish}
     * by mistake would otherwise fence the running primary.
     */
    private void requireLastRecordOwn() {
        long stored = applier.stored();
        if ( stored == StoredOffset.NONE )
            return;
        try ( TopicReader reader = new TopicReader(bootstrap, topic, stored - 1) ) {
            while ( reader.position(KAFKA_TIMEOUT) <= stored ) {
                for ( ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofSeconds(1)) ) {
                    if ( record.offset() == stored && !identity.equals(TopicReader.publisher(record)) )
                        throw new ReplicationException("The store's last record (" + stored + " of " + topic + ") was published "
                            + "by another primary (" + TopicReader.publisher(record) + "): this store is a replica's or was "
                            + "replaced. To take over as primary, start it with --promote.", null);
                }
            }
        }
    }

    /**
     * Applies the records after the store's offset up to the topic's end. Unless
     * {@code othersToo}, a record another primary published stops it: this store was replaced.
     */
    private void catchUp(boolean othersToo) {
        try ( TopicReader reader = new TopicReader(bootstrap, topic, applier.stored()) ) {
            long end = reader.end(KAFKA_TIMEOUT);
            status.read(reader.position(KAFKA_TIMEOUT), end);
            while ( reader.position(KAFKA_TIMEOUT) < end ) {
                for ( ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofSeconds(1)) ) {
                    if ( !othersToo && !identity.equals(TopicReader.publisher(record)) )
                        throw new ReplicationException("Another primary (" + TopicReader.publisher(record) + ") has published to "
                            + topic + " since this store's last write (record " + record.offset() + "): this server was "
                            + "replaced. Start it as a replica from a fresh export, or with --promote to take over again.", null);
                    applier.apply(record.offset(), record.value());
                    status.applied(record.offset());
                }
            }
            status.read(reader.position(KAFKA_TIMEOUT), end);
        }
    }

    /** The host and the store's directory: stable across restarts of this primary, different for any other store. */
    private static String identity(TdbStore store) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException ex) {
            host = "unknown-host";
        }
        return host + ":" + store.dir().toAbsolutePath().normalize();
    }

    @Override
    public void close() {
        recovery.shutdownNow();
        closeProducer();
    }

    /** Collects the changes of one transaction and counts them, so that a write that changed nothing publishes nothing. */
    private static final class CountingCollector extends RDFChangesCollector {
        long count;

        CountingCollector() {
            txnBegin();
        }

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            count++;
            super.add(g, s, p, o);
        }

        @Override
        public void delete(Node g, Node s, Node p, Node o) {
            count++;
            super.delete(g, s, p, o);
        }
    }
}
