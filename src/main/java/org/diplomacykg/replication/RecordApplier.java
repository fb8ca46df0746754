package org.diplomacykg.replication;

import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplomacykg.store.TdbStore;

/**
 * Applies records of the topic to a store, each in one TDB2 write transaction that also
 * stores its offset: a store killed at any point holds each record once or not at all, and
 * starts again after the last it holds. No reasoner runs: the inferences, explanations and
 * audit record are in the record. A record that is not a whole patch is refused before any of
 * it is applied ({@link InvalidRecordException}).
 */
final class RecordApplier {

    private final TdbStore store;
    private final String topic;

    RecordApplier(TdbStore store, String topic) {
        this.store = store;
        this.topic = topic;
    }

    /** The offset of the last record the store holds. */
    long stored() {
        DatasetGraph storage = store.storage();
        return Txn.calculateRead(storage, () -> StoredOffset.read(storage, topic));
    }

    /** Applies the record at {@code offset}, unless the store already holds it. */
    void apply(long offset, byte[] value) {
        RDFPatch patch;
        try {
            patch = PatchRecord.decode(value);
        } catch (InvalidRecordException ex) {
            throw new InvalidRecordException("The record at offset " + offset + " of " + topic + " is " + ex.getMessage());
        }
        DatasetGraph storage = store.storage();
        boolean applied = Txn.calculateWrite(storage, () -> {
            if ( StoredOffset.read(storage, topic) >= offset )
                return false;
            PatchRecord.apply(patch, storage);
            StoredOffset.write(storage, topic, offset);
            return true;
        });
        if ( applied )
            store.afterWrite();
    }
}
