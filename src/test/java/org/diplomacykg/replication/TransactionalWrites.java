package org.diplomacykg.replication;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * One record per transaction, retried until committed, as a writer that must not lose an
 * acknowledged write nor commit one twice does it while brokers die under it: an abortable
 * failure aborts the transaction (nothing of it becomes visible) and the record is sent again
 * in a new one; a commit that timed out is resumed, not aborted, since it may have completed.
 */
final class TransactionalWrites {

    private static final int ATTEMPTS = 20;

    private TransactionalWrites() {}

    /** Commits {@code record} in a transaction of its own; returns its offset. */
    static <K, V> long commitOne(KafkaProducer<K, V> producer, ProducerRecord<K, V> record) {
        KafkaException last = null;
        for ( int attempt = 0 ; attempt < ATTEMPTS ; attempt++ ) {
            producer.beginTransaction();
            try {
                var sent = producer.send(record);
                commit(producer);
                return sent.get().offset();
            } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException | UnsupportedVersionException ex) {
                throw ex;
            } catch (KafkaException ex) {
                last = ex;
                producer.abortTransaction();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            } catch (java.util.concurrent.ExecutionException ex) {
                // commit() returned, so the send succeeded; this cannot happen.
                throw new IllegalStateException(ex.getCause());
            }
        }
        throw new IllegalStateException("no commit after " + ATTEMPTS + " attempts", last);
    }

    private static void commit(KafkaProducer<?, ?> producer) {
        for ( int attempt = 0 ; ; attempt++ ) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException ex) {
                if ( attempt == ATTEMPTS )
                    throw ex;
            }
        }
    }
}
