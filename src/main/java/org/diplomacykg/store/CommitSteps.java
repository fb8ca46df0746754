package org.diplomacykg.store;

import java.util.Objects;

/**
 * What the commit of a write transaction runs besides the materialiser, fixed when the store is
 * built ({@link StoreStack}) so that no write can see the store half configured: the gate that
 * may refuse the write before it materialises, inside the transaction, and what runs after the
 * commit, outside it. A further step of the commit is a further component here, set by the
 * {@link StoreStack} and called by {@link InferringDatasetGraph#commit()}.
 *
 * @param gate        checks each write transaction before it materialises ({@link CommitGate#NONE}: none)
 * @param commitLog   publishes each write transaction inside it, after the materialiser and the audit record,
 *                    before the local commit (a replicated primary's; {@link CommitLog#NONE}: none)
 * @param afterCommit runs on the writer's thread once the commit has succeeded and the writer
 *                    lock is released (the store's {@link Compaction}); its failure does not undo the write
 */
public record CommitSteps(CommitGate gate, CommitLog commitLog, Runnable afterCommit) {

    /** No gate, no log and nothing after the commit: the loaders' and the tests' stores. */
    public static final CommitSteps NONE = new CommitSteps(CommitGate.NONE, () -> {});

    public CommitSteps {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(commitLog, "commitLog");
        Objects.requireNonNull(afterCommit, "afterCommit");
    }

    /** Steps without a commit log: a store that is not a replicated primary. */
    public CommitSteps(CommitGate gate, Runnable afterCommit) {
        this(gate, CommitLog.NONE, afterCommit);
    }
}
