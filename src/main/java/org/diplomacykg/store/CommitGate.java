package org.diplomacykg.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.reasoning.ChangeSet;

/**
 * A check a write transaction must pass before it commits. {@link InferringDatasetGraph} calls
 * it inside the transaction, after the writes and before materialising, with the wrapped
 * dataset (which shows the transaction's own changes) and what the transaction touched. To
 * refuse, it throws {@link WriteRejectedException}: the transaction is then aborted and nothing
 * of it remains.
 */
@FunctionalInterface
public interface CommitGate {

    /** Lets every write through: the loaders, which run their own checks, and a read-only server. */
    CommitGate NONE = (dsg, changes) -> {};

    /** Returns if the write may commit; throws {@link WriteRejectedException} to refuse it. */
    void check(DatasetGraph dsg, ChangeSet changes);
}
