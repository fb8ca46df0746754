package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.diplomacykg.reasoning.Materialiser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write transaction refused after it brought new terms into the store leaves nothing behind,
 * neither in TDB2's node cache nor in its node file, whatever is read and written after it.
 * <p>
 * {@link #plainTdb2WritesPastAGapAfterAnAbortThatReachedTheFile} asserts the defect of Jena
 * 5.6.0 that {@link NodeFileEnd} works around (GH-3877): when it fails after a Jena upgrade,
 * TDB2 resets the position itself and {@code NodeFileEnd} can go.
 */
class TestAbortedWriteLeavesNoTrace {

    @TempDir
    Path dir;

    @Test
    void aRefusedWriteThenTheSameTermsCommitted() {
        Node g = NodeFactory.createURI("https://example.org/g");
        AtomicBoolean refuse = new AtomicBoolean(true);
        CommitGate gate = (dsg, changes) -> {
            if ( refuse.get() )
                throw new WriteRejectedException("refused for the test");
        };
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(dir.toString());
        InferringDatasetGraph dsg = new InferringDatasetGraph(tdb, Materialiser.standard(),
                                                              new CommitSteps(gate, () -> {}));
        assertThrows(WriteRejectedException.class, () -> Txn.executeWrite(dsg, () -> addTerms(dsg, g, "a", 200)));
        refuse.set(false);
        Txn.executeWrite(dsg, () -> {
            addTerms(dsg, g, "b", 50);
            addTerms(dsg, g, "a", 200);
        });
        long inProcess = Txn.calculateRead(tdb, () -> tdb.stream(g, null, null, null).map(Quad::toString).count());
        // Every quad decoded: a node id the abort took back would fail here (TDB2's NodeTableTRDF/Read).
        assertEquals(500, inProcess);
    }

    @Test
    void plainTdb2WritesPastAGapAfterAnAbortThatReachedTheFile() {
        DatasetGraph tdb = abortReadWrite(() -> DatabaseMgr.connectDatasetGraph(dir.toString()));
        TDBInternal.expel(tdb);
        DatasetGraph reopened = DatabaseMgr.connectDatasetGraph(dir.toString());
        assertThrows(TDBException.class, () -> decodedQuads(reopened));
    }

    @Test
    void aStoreReadsBackWholeAfterAnAbortThatReachedTheNodeFile() {
        DatasetGraph tdb = abortReadWrite(() -> StoreStack.connect(dir));
        assertEquals(ORIGINAL + LATER, decodedQuads(tdb), "in process");
        TDBInternal.expel(tdb);
        assertEquals(ORIGINAL + LATER, decodedQuads(StoreStack.connect(dir)), "from the files");
    }

    @Test
    void aStoreReadsBackWholeAfterACompactionThenAnAbort() {
        DatasetGraph tdb = StoreStack.connect(dir);
        Txn.executeWrite(tdb, () -> addLong(tdb, "original", ORIGINAL));
        // A slack far below zero: due at once. The new generation starts with empty caches.
        new Compaction(tdb, Long.MIN_VALUE / 4).afterWrite();
        abortReadWrite(tdb);
        TDBInternal.expel(tdb);
        assertEquals(ORIGINAL + LATER, decodedQuads(StoreStack.connect(dir)));
    }

    private static final Node G = NodeFactory.createURI("https://example.org/g");
    private static final int ORIGINAL = 10;
    private static final int LATER = 50;

    /** Commits a few terms, then {@link #abortReadWrite(DatasetGraph)} on the store opened again. */
    private static DatasetGraph abortReadWrite(Supplier<DatasetGraph> open) {
        DatasetGraph first = open.get();
        Txn.executeWrite(first, () -> addLong(first, "original", ORIGINAL));
        TDBInternal.expel(first);
        // Opened again: empty caches, so that the read after the abort goes to the file.
        DatasetGraph tdb = open.get();
        abortReadWrite(tdb);
        return tdb;
    }

    /**
     * On a store of the {@code ORIGINAL} quads, none read yet: writes new terms, more than
     * TDB2's write buffer holds (so that they reach the file), and aborts; reads every quad (from
     * the file); commits other new terms.
     */
    private static void abortReadWrite(DatasetGraph tdb) {
        tdb.begin(TxnType.WRITE);
        try {
            addLong(tdb, "aborted", 200);
        } finally {
            tdb.abort();
            tdb.end();
        }
        assertEquals(ORIGINAL, decodedQuads(tdb), "after the abort");
        Txn.executeWrite(tdb, () -> addLong(tdb, "later", LATER));
    }

    /** Adds n quads, each with a new subject and a new literal of about 1 KB. */
    private static void addLong(DatasetGraph dsg, String prefix, int n) {
        for ( int i = 0; i < n; i++ )
            dsg.add(G, NodeFactory.createURI("https://example.org/" + prefix + i), NodeFactory.createURI("https://example.org/p"),
                    NodeFactory.createLiteralString(prefix + " " + i + " " + "x".repeat(1000)));
    }

    /** The quads of the store, every node decoded (in a read transaction of its own). */
    private static long decodedQuads(DatasetGraph tdb) {
        return Txn.calculateRead(tdb, () -> tdb.stream().map(Quad::toString).count());
    }

    private static void addTerms(DatasetGraph dsg, Node g, String prefix, int n) {
        for ( int i = 0; i < n; i++ ) {
            Node s = NodeFactory.createURI("https://example.org/" + prefix + i);
            Node p = NodeFactory.createURI("https://example.org/p");
            Node o = NodeFactory.createLiteralString(prefix + " literal " + i);
            dsg.add(g, s, p, o);
            dsg.add(g, s, NodeFactory.createURI("https://example.org/about"),
                    NodeFactory.createTripleTerm(org.apache.jena.graph.Triple.create(s, p, NodeFactory.createLiteralString(prefix + " quoted " + i))));
        }
    }
}
