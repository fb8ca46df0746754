package org.diplomacykg.store;

import java.nio.ByteBuffer;
import java.util.UUID;

import org.apache.jena.dboe.transaction.txn.ComponentId;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionalBase;
import org.apache.jena.dboe.transaction.txn.TransactionalComponent;
import org.apache.jena.dboe.transaction.txn.TransactionalComponentExternal;
import org.apache.jena.dboe.transaction.txn.TxnId;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Named places in the write path where a crash test stops the JVM dead ({@link Runtime#halt},
 * no shutdown hooks, no finally blocks), to check that a store recovers to exactly the state
 * before or exactly the state after the write. Armed by {@code -Ddkg.fault=NAME}; unarmed, a
 * point costs one comparison.
 */
public final class FaultPoints {

    /** The write's asserted changes are made, nothing checked or derived yet: the store must recover to before. */
    public static final String AFTER_ASSERTED = "after-asserted";
    /** Derived graphs and the audit record are written in the transaction, not committed: before. */
    public static final String AFTER_MATERIALISE = "after-materialise";
    /**
     * A replicated primary has committed the write's record to Kafka, and not yet the write to
     * its store: the store restarts as before the write, and then applies the record from the
     * topic before it takes writes again, so it ends as after it (as the replicas do).
     */
    public static final String AFTER_PUBLISH = "after-publish";
    /**
     * TDB2 has written and synced its journal (the commit point) and is applying the changes to its
     * components: after. See {@link #hookJournal} for which components have applied them.
     */
    public static final String AFTER_JOURNAL = "after-journal";
    /** The commit has returned, the client has no answer yet: after. */
    public static final String AFTER_COMMIT = "after-commit";

    /** The exit code of a halt at a fault point. */
    public static final int EXIT_CODE = 99;

    private static final String ARMED = System.getProperty("dkg.fault");

    /** Halts the JVM if {@code point} is the armed one. */
    public static void reach(String point) {
        if ( ARMED != null && ARMED.equals(point) ) {
            System.err.println("dkg.fault: halting at " + point);
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }

    /**
     * Arms {@link #AFTER_JOURNAL} on a TDB2 dataset, when it is the armed point: TDB2 has no
     * hook of its own there (its listeners are told before the journal is written and after the
     * commit), so this adds a component to its transaction coordinator. The coordinator writes
     * and syncs its journal, the commit point, and then commits each component (indexes, node
     * table, prefixes, this one) before it truncates the journal; this component halts when asked
     * to commit a write (one it was asked to prepare, which read transactions are not). The
     * components commit in the order of a hash map of their random ids, so the halt lands with
     * some of the indexes updated and others not: exactly "before the indexes" cannot be hooked
     * without changing TDB2, and a partial update that the journal must repair is the harder
     * case. Hooked on the storage of the moment: a compaction, which moves the store to a new
     * generation, drops it.
     */
    static void hookJournal(DatasetGraph tdb) {
        if ( !AFTER_JOURNAL.equals(ARMED) )
            return;
        TransactionCoordinator coordinator = ((TransactionalBase) TDBInternal.getDatasetGraphTDB(tdb).getTxnSystem()).getTxnMgr();
        TransactionalComponent halting = new TransactionalComponentExternal<Object>(ComponentId.alloc("dkg-fault-point", UUID.randomUUID(), 0)) {
            private volatile boolean prepared = false;

            @Override
            protected ByteBuffer _commitPrepare(TxnId txnId, Object state) {
                prepared = true;
                return null;
            }

            @Override
            protected void _commit(TxnId txnId, Object state) {
                if ( prepared )
                    reach(AFTER_JOURNAL);
            }
        };
        coordinator.modifyConfig(() -> coordinator.addExternal(halting));
    }

    private FaultPoints() {}
}
