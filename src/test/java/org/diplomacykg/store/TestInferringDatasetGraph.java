package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.JenaTransactionException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.reasoning.Rule;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Derivations follow the data: a write transaction commits with its inferences, an aborted
 * or failed one leaves neither, the derived graphs cannot be written, and readers see
 * data and inferences of one and the same commit. Uses a one-rule materialiser:
 * {@code (s ex:p o)} gives {@code (s ex:q o)}.
 */
class TestInferringDatasetGraph {

    private static final String EX = "http://example.org/";
    private static final Node P = uri("p");
    private static final Node Q = uri("q");
    private static final Node A = uri("a");
    private static final Node B = uri("b");
    private static final Node C = uri("c");
    private static final Node SOURCE = Graphs.Nodes.sourceGraph("test-article");
    private static final Node INFERRED = Graphs.Nodes.INFERRED;
    private static final Node EXPLANATIONS = Graphs.Nodes.EXPLANATIONS;

    private final CopyRule rule = new CopyRule();
    private DatasetGraph dsg;

    private static Node uri(String local) {
        return NodeFactory.createURI(EX + local);
    }

    @BeforeEach
    void setUp() {
        DatasetGraph base = Store.createUnionDataset().asDatasetGraph();
        dsg = new InferringDatasetGraph(base, new Materialiser(ontology -> List.of(rule)));
    }

    private void write(Runnable action) {
        Txn.executeWrite(dsg, action);
    }

    private boolean has(Node g, Node s, Node p, Node o) {
        return Txn.calculateRead(dsg, () -> dsg.contains(g, s, p, o));
    }

    /** Asserts (a p b) in the source graph and commits. */
    private void assertAB() {
        write(() -> dsg.add(SOURCE, A, P, B));
        assertTrue(has(INFERRED, A, Q, B), "setup: (a q b) inferred");
    }

    @Test
    void commitCarriesTheInferenceAndItsExplanation() {
        write(() -> dsg.add(SOURCE, A, P, B));

        assertTrue(has(INFERRED, A, Q, B));
        assertFalse(has(INFERRED, A, P, B), "asserted triples are not copied into the inferred graph");
        Txn.executeRead(dsg, () -> {
            List<Node> derivations = dsg.stream(EXPLANATIONS, Node.ANY, DKG.Nodes.conclusion, NodeFactory.createTripleTerm(A, Q, B))
                                        .map(Quad::getSubject).toList();
            assertEquals(1, derivations.size());
            Node d = derivations.get(0);
            assertTrue(dsg.contains(EXPLANATIONS, d, DKG.Nodes.derivedBy, NodeFactory.createURI(rule.iri())));
            assertTrue(dsg.contains(EXPLANATIONS, d, DKG.Nodes.premise, NodeFactory.createTripleTerm(A, P, B)));
        });
    }

    @Test
    void deletingThePremiseRetractsTheConclusion() {
        assertAB();
        write(() -> dsg.delete(SOURCE, A, P, B));
        assertFalse(has(INFERRED, A, Q, B));
        assertFalse(has(EXPLANATIONS, Node.ANY, DKG.Nodes.conclusion, NodeFactory.createTripleTerm(A, Q, B)), "its explanation is gone too");
    }

    @Test
    void abortedWriteLeavesDataAndInferencesAsTheyWere() {
        assertAB();
        dsg.begin(ReadWrite.WRITE);
        try {
            dsg.add(SOURCE, A, P, C);
            dsg.delete(SOURCE, A, P, B);
            dsg.abort();
        } finally {
            dsg.end();
        }
        assertFalse(has(SOURCE, A, P, C));
        assertFalse(has(INFERRED, A, Q, C));
        assertTrue(has(SOURCE, A, P, B));
        assertTrue(has(INFERRED, A, Q, B));

        // The next write starts from a clean change set and still infers.
        write(() -> dsg.add(SOURCE, B, P, C));
        assertTrue(has(INFERRED, B, Q, C));
        assertTrue(has(INFERRED, A, Q, B));
    }

    @Test
    void failingTransactionLeavesDataAndInferencesAsTheyWere() {
        assertAB();
        assertThrows(IllegalStateException.class, () -> write(() -> {
            dsg.add(SOURCE, A, P, C);
            throw new IllegalStateException("boom");
        }));
        assertFalse(has(SOURCE, A, P, C));
        assertFalse(has(INFERRED, A, Q, C));
        assertTrue(has(INFERRED, A, Q, B));
    }

    @Test
    void failingMaterialisationAbortsTheCommit() {
        assertAB();
        rule.failNextApply.set(true);
        RuntimeException ex = assertThrows(RuntimeException.class, () -> write(() -> dsg.add(SOURCE, A, P, C)));
        assertEquals("rule failed", ex.getMessage());
        assertFalse(dsg.isInTransaction(), "the failed commit ends the transaction");
        assertFalse(has(SOURCE, A, P, C), "the data of a failed materialisation is not committed");
        assertFalse(has(INFERRED, A, Q, C));
        assertTrue(has(INFERRED, A, Q, B));

        // The materialiser recovers: the next commit recomputes and is consistent.
        write(() -> dsg.add(SOURCE, B, P, C));
        assertTrue(has(INFERRED, B, Q, C));
        assertTrue(has(INFERRED, A, Q, B));
        assertFalse(has(INFERRED, A, Q, C));
    }

    @Test
    void failedCommitMakesTheMaterialiserForgetWhatItDerived() {
        // A store whose next commit fails after the materialiser has run, and a second
        // rule, so that a later update re-runs only that rule unless the first rule's
        // derivations from the failed transaction were forgotten.
        AtomicBoolean failCommit = new AtomicBoolean();
        DatasetGraph base = new DatasetGraphWrapper(Store.createUnionDataset().asDatasetGraph()) {
            @Override
            public void commit() {
                if ( failCommit.getAndSet(false) )
                    throw new JenaTransactionException("disk full");
                super.commit();
            }
        };
        Node r = uri("r");
        Node s = uri("s");
        Rule other = new CopyRule("test-copy-r-to-s", r, s);
        dsg = new InferringDatasetGraph(base, new Materialiser(ontology -> List.of(rule, other)));
        assertAB();

        failCommit.set(true);
        assertThrows(JenaTransactionException.class, () -> write(() -> dsg.add(SOURCE, A, P, C)));
        assertFalse(has(SOURCE, A, P, C));
        assertFalse(has(INFERRED, A, Q, C));

        write(() -> dsg.add(SOURCE, A, r, C));
        assertTrue(has(INFERRED, A, s, C));
        assertFalse(has(INFERRED, A, Q, C), "no inference of the failed transaction comes back");
        assertTrue(has(INFERRED, A, Q, B));
    }

    @Test
    void writesToTheDerivedGraphsAreRefused() {
        assertAB();
        Triple t = Triple.create(C, Q, C);
        List<Runnable> writes = List.of(
            () -> dsg.add(INFERRED, C, Q, C),
            () -> dsg.add(new Quad(EXPLANATIONS, t)),
            () -> dsg.delete(INFERRED, A, Q, B),
            () -> dsg.deleteAny(INFERRED, Node.ANY, Node.ANY, Node.ANY),
            () -> dsg.removeGraph(INFERRED),
            () -> dsg.getGraph(INFERRED).add(t),
            () -> dsg.getGraph(INFERRED).clear(),
            () -> dsg.getGraph(EXPLANATIONS).remove(Node.ANY, Node.ANY, Node.ANY));
        for ( Runnable w : writes ) {
            ProtectedGraphException ex = assertThrows(ProtectedGraphException.class, () -> write(w));
            assertTrue(ex.getMessage().contains("/graph/"), ex.getMessage());
            assertTrue(ex.getMessage().contains("cannot be written"), ex.getMessage());
        }
        assertFalse(has(INFERRED, C, Q, C));
        assertFalse(has(EXPLANATIONS, C, Q, C));
        assertTrue(has(INFERRED, A, Q, B));
        assertTrue(has(EXPLANATIONS, Node.ANY, DKG.Nodes.derivedBy, Node.ANY));
    }

    @Test
    void sparqlInsertIntoTheInferredGraphIsRefused() {
        assertAB();
        String update = "INSERT DATA { GRAPH <" + Graphs.INFERRED + "> { <" + EX + "c> <" + EX + "q> <" + EX + "c> } }";
        ProtectedGraphException ex = assertThrows(ProtectedGraphException.class,
            () -> write(() -> UpdateAction.parseExecute(update, dsg)));
        assertTrue(ex.getMessage().contains(Graphs.INFERRED), ex.getMessage());
        assertFalse(has(INFERRED, C, Q, C));
        assertTrue(has(INFERRED, A, Q, B));
    }

    @Test
    void sparqlUpdateOnASourceGraphTriggersInference() {
        String update = "INSERT DATA { GRAPH <" + SOURCE.getURI() + "> { <" + EX + "a> <" + EX + "p> <" + EX + "c> } }";
        write(() -> UpdateAction.parseExecute(update, dsg));
        assertTrue(has(INFERRED, A, Q, C));

        write(() -> UpdateAction.parseExecute("DELETE WHERE { GRAPH ?g { ?s <" + EX + "p> ?o } }", dsg));
        assertFalse(has(SOURCE, A, P, C));
        assertFalse(has(INFERRED, A, Q, C));
    }

    @Test
    void graphApiWritesAreRecorded() {
        write(() -> dsg.getGraph(SOURCE).add(Triple.create(A, P, C)));
        assertTrue(has(INFERRED, A, Q, C));
        write(() -> dsg.getGraph(SOURCE).remove(A, Node.ANY, Node.ANY));
        assertFalse(has(INFERRED, A, Q, C));
    }

    @Test
    void dropAllEmptiesTheAssertedGraphsAndTheInferencesFollow() {
        assertAB();
        write(() -> UpdateAction.parseExecute("DROP ALL", dsg));
        assertFalse(has(SOURCE, A, P, B));
        assertFalse(has(INFERRED, A, Q, B));
        assertFalse(has(EXPLANATIONS, Node.ANY, DKG.Nodes.derivedBy, Node.ANY));

        assertAB();
        write(() -> UpdateAction.parseExecute("CLEAR ALL", dsg));
        assertFalse(has(INFERRED, A, Q, B));

        assertAB();
        write(dsg::clear);
        assertFalse(has(SOURCE, A, P, B));
        assertFalse(has(INFERRED, A, Q, B));

        assertAB();
        write(() -> dsg.deleteAny(Node.ANY, A, Node.ANY, Node.ANY));
        assertFalse(has(SOURCE, A, P, B));
        assertFalse(has(INFERRED, A, Q, B));
    }

    @Test
    void droppingTheInferredGraphByNameIsRefused() {
        assertAB();
        assertThrows(ProtectedGraphException.class,
            () -> write(() -> UpdateAction.parseExecute("DROP GRAPH <" + Graphs.INFERRED + ">", dsg)));
        assertThrows(ProtectedGraphException.class,
            () -> write(() -> UpdateAction.parseExecute("CLEAR GRAPH <" + Graphs.EXPLANATIONS + ">", dsg)));
        assertTrue(has(INFERRED, A, Q, B));
        assertTrue(has(SOURCE, A, P, B));
    }

    @Test
    void readTransactionsDoNotMaterialise() {
        assertAB();
        int before = rule.applied.get();
        Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> {}));
        dsg.begin(TxnType.READ);
        dsg.commit();
        dsg.end();
        dsg.begin(ReadWrite.READ);
        dsg.end();
        // A write transaction that wrote nothing has nothing to materialise either.
        write(() -> {});
        assertEquals(before, rule.applied.get());
    }

    @Test
    void queriesSeeTheUnionOfAssertedAndInferred() {
        assertAB();
        Txn.executeRead(dsg, () -> {
            // Default graph = union of the named graphs, through the wrapper.
            assertTrue(QueryExec.dataset(dsg).query("ASK { <" + EX + "a> <" + EX + "p> <" + EX + "b> ; <" + EX + "q> <" + EX + "b> }").ask());
            assertTrue(QueryExec.dataset(dsg).query("ASK { GRAPH <" + Graphs.INFERRED + "> { <" + EX + "a> <" + EX + "q> <" + EX + "b> } }").ask());
            assertFalse(QueryExec.dataset(dsg).query("ASK { GRAPH <" + Graphs.INFERRED + "> { <" + EX + "a> <" + EX + "p> <" + EX + "b> } }").ask());
        });
    }

    @Test
    void readerKeepsItsSnapshotOfDataAndInferences() throws Exception {
        assertAB();
        CountDownLatch readerStarted = new CountDownLatch(1);
        CountDownLatch writerDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<Boolean>> seen = pool.submit(() -> {
                dsg.begin(TxnType.READ);
                try {
                    readerStarted.countDown();
                    if ( !writerDone.await(30, TimeUnit.SECONDS) )
                        throw new IllegalStateException("writer did not finish");
                    return List.of(dsg.contains(SOURCE, A, P, B), dsg.contains(INFERRED, A, Q, B),
                                   dsg.contains(SOURCE, A, P, C), dsg.contains(INFERRED, A, Q, C));
                } finally {
                    dsg.end();
                }
            });
            assertTrue(readerStarted.await(30, TimeUnit.SECONDS));
            write(() -> {
                dsg.delete(SOURCE, A, P, B);
                dsg.add(SOURCE, A, P, C);
            });
            writerDone.countDown();
            assertEquals(List.of(true, true, false, false), seen.get(30, TimeUnit.SECONDS),
                         "the earlier reader sees the old data and the old inferences");
        } finally {
            pool.shutdownNow();
        }
        assertFalse(has(SOURCE, A, P, B));
        assertFalse(has(INFERRED, A, Q, B));
        assertTrue(has(SOURCE, A, P, C));
        assertTrue(has(INFERRED, A, Q, C));
    }

    @Test
    void graphReadsAndSizesGoThroughToTheStore() {
        assertAB();
        Txn.executeRead(dsg, () -> {
            Graph inferred = dsg.getGraph(INFERRED);
            assertEquals(1, inferred.size());
            assertTrue(inferred.contains(A, Q, B));
            assertEquals(Set.of(Triple.create(A, Q, B)), inferred.find().toSet());
            assertTrue(dsg.getUnionGraph().contains(A, P, B));
            assertTrue(dsg.getUnionGraph().contains(A, Q, B));
        });
    }

    /** (s from o) gives (s to o), by default ex:p to ex:q; counts its runs and can be told to fail once. */
    private static final class CopyRule implements Rule {
        final AtomicInteger applied = new AtomicInteger();
        final AtomicBoolean failNextApply = new AtomicBoolean();
        private final String name;
        private final Node from;
        private final Node to;

        CopyRule() {
            this("test-copy-p-to-q", P, Q);
        }

        CopyRule(String name, Node from, Node to) {
            this.name = name;
            this.from = from;
            this.to = to;
        }

        @Override public String iri() { return RULE_BASE + name; }
        @Override public String label() { return name; }
        @Override public String description() { return "Every " + from + " statement is also a " + to + " statement."; }
        @Override public Set<Node> inputs() { return Set.of(from); }
        @Override public Set<Node> outputs() { return Set.of(to); }

        @Override
        public void apply(Graph data, Consumer<Derivation> out) {
            applied.incrementAndGet();
            if ( failNextApply.getAndSet(false) )
                throw new IllegalStateException("rule failed");
            data.find(Node.ANY, from, Node.ANY).forEachRemaining(t ->
                out.accept(new Derivation(Triple.create(t.getSubject(), to, t.getObject()), this, List.of(t))));
        }
    }
}
