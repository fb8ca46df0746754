package org.diplomacykg.store;

import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a TDB2 store from growing with every write. TDB2's B+trees copy on write: a write
 * transaction copies each block it changes and leaves the old one for the readers that may
 * still use it, so the files grow with every write (about 80 blocks of 8 KB for an update
 * of a few statements on the article's store, under {@code LoadTest}) until the database is
 * compacted, which copies the live state into a new generation ({@link DatabaseMgr#compact})
 * and deletes the old one.
 * <p>
 * A compaction is due when the quad and triple indexes hold more blocks than twice what the
 * last one left plus {@link #SLACK_BLOCKS}: a copy costs time in proportion to the data, and
 * happens once per that much garbage. TDB2 lets readers go on during a compaction, but its
 * {@link DatasetGraphSwitchable} container hands each call to whichever generation is current,
 * so a read transaction begun on the old one would, after the switch, look in the new one where
 * it has no transaction. Here readers and writers both wait while it runs.
 */
public final class Compaction {

    private static final Logger LOG = LoggerFactory.getLogger(Compaction.class);

    /**
     * Blocks of garbage allowed beyond the live ones: 32,768 blocks of 8 KB are 256 MB, about
     * 500 updates of a few statements on a small store. With 64 MB, a compaction (0.7 s on the
     * article's store) came every 130 such updates and took a sixth of the writer's time.
     */
    public static final long SLACK_BLOCKS = 32_768;

    private final DatasetGraphSwitchable container;
    private final long slackBlocks;
    /** Blocks held right after the last compaction (or at the start). */
    private long blocksAfterLast;
    private int compactions;

    /** For a TDB2 store on disk, as {@link DatabaseMgr#connectDatasetGraph} opens it. */
    public Compaction(DatasetGraph container) {
        this(container, SLACK_BLOCKS);
    }

    Compaction(DatasetGraph container, long slackBlocks) {
        if ( !(container instanceof DatasetGraphSwitchable switchable) || !switchable.hasContainerPath() )
            throw new IllegalArgumentException("Not a TDB2 store on disk: " + container.getClass().getName());
        this.container = switchable;
        this.slackBlocks = slackBlocks;
        this.blocksAfterLast = blocks();
    }

    /**
     * Call after a write transaction has committed, outside any transaction (a compaction
     * waits for every transaction in progress to end): compacts if due. A compaction that
     * fails is logged and leaves the store as it was (the write had already committed); the
     * next write tries again.
     */
    public synchronized void afterWrite() {
        if ( blocks() <= 2 * blocksAfterLast + slackBlocks )
            return;
        try {
            long before = blocks();
            long start = System.nanoTime();
            container.execExclusive(() -> {
                DatabaseMgr.compact(container, true);
                // The new generation has transactions of its own to hook, before any begins.
                NodeFileEnd.install(container);
            });
            blocksAfterLast = blocks();
            compactions++;
            LOG.info("Compacted the store: {} blocks of its indexes to {} in {} ms", before, blocksAfterLast,
                     (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException ex) {
            LOG.warn("Compacting the store failed; it keeps its garbage until the next write: {}", ex.toString());
        }
    }

    /** How many compactions have run. */
    public synchronized int compactions() {
        return compactions;
    }

    /** Blocks allocated by the quad and triple indexes, live and garbage: what compaction shrinks. */
    public long blocks() {
        DatasetGraphTDB tdb = (DatasetGraphTDB) container.get();
        return blocks(tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndexes())
               + blocks(tdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes());
    }

    private static long blocks(TupleIndex[] indexes) {
        long n = 0;
        for ( TupleIndex index : indexes ) {
            if ( index instanceof TupleIndexRecord record && record.getRangeIndex() instanceof BPlusTree tree )
                n += tree.getNodeManager().allocLimit() + tree.getRecordsMgr().allocLimit();
        }
        return n;
    }
}
