package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.diplomacykg.reasoning.Materialiser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write transaction refused at its commit (by the gate) after it brought new terms into the
 * store, plain and as triple terms, leaves nothing behind, not even in TDB2's node cache: a later
 * write of the same terms commits them whole, and every quad reads back. (The replication and
 * load paths have seen stores fail to read after an aborted write; this simplest case does not,
 * which narrows where to look.)
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
