package org.diplomacykg.store;

import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Where a write transaction's changes go besides the store: a replicated primary publishes
 * them (see {@code org.diplomacykg.replication}). A step of the commit ({@link CommitSteps},
 * given to {@link StoreStack#commitLog}), it is told of every quad the transaction
 * adds to or deletes from the store below the inferring layer (asserted, inferred,
 * explanations and audit quads alike, literals in their stored form), then asked to publish
 * inside the transaction after the materialiser and the audit record, before the local
 * commit. A publish that throws aborts the local transaction: the write is not kept.
 * <p>
 * Calls for one transaction come from its writer's thread. {@link #begin} and {@link #publish}
 * hold the writer lock, one transaction at a time; {@link #ended} comes after the local commit
 * or abort has released it, so it may run while the next writer (another thread) is already
 * in {@link #begin} or {@link #publish}: it must use only what its own thread published.
 */
public interface CommitLog {

    /** No log: nothing is recorded or published. */
    CommitLog NONE = new CommitLog() {
        @Override
        public RDFChanges begin() {
            return null;
        }

        @Override
        public void publish(DatasetGraph store) {}

        @Override
        public void ended(boolean committed) {}
    };

    /** Receives the quads of the current write transaction, from its begin (each call of this method starts anew); null to record nothing. */
    RDFChanges begin();

    /**
     * Publishes what the transaction changed; {@code store} is the dataset below the
     * recording, for bookkeeping that must commit with the write but is not part of it (the
     * offset of the published record). Throws to refuse the commit.
     */
    void publish(DatasetGraph store);

    /**
     * The local commit has succeeded ({@code true}) or the transaction was aborted ({@code false});
     * outside the writer lock. Called for every write transaction that began, on its thread,
     * whether or not it reached {@link #publish}.
     */
    void ended(boolean committed);
}
