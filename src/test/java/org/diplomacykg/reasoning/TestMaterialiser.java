package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The materialiser with two tiny rules (p gives q, q gives r): it runs to a fixpoint,
 * keeps asserted triples out of the inferred graph, re-runs only affected rules, and
 * writes a bounded number of reasons per inferred triple.
 */
class TestMaterialiser {

    private static final Node SOURCE = Graphs.Nodes.sourceGraph("test");
    private static final Node P = uri("p"), Q = uri("q"), R = uri("r");

    /** (s from o) gives (s to o), citing the premise. */
    private record Step(String name, Node from, Node to) implements Rule {
        public String iri() { return RULE_BASE + "test-" + name; }
        public String label() { return name; }
        public String description() { return "copies " + from + " to " + to; }
        public Set<Node> inputs() { return Set.of(from); }
        public Set<Node> outputs() { return Set.of(to); }
        public void apply(Graph data, Consumer<Derivation> out) {
            data.find(Node.ANY, from, Node.ANY).forEachRemaining(t ->
                out.accept(new Derivation(Triple.create(t.getSubject(), to, t.getObject()), this, List.of(t))));
        }
    }

    private final Rule pToQ = new Step("p-to-q", P, Q);
    private final Rule qToR = new Step("q-to-r", Q, R);
    private Materialiser materialiser;
    private DatasetGraph dsg;

    @BeforeEach
    void setUp() {
        materialiser = new Materialiser(ontology -> List.of(pToQ, qToR));
        dsg = Store.createUnionDataset().asDatasetGraph();
    }

    @Test
    void runsToAFixpointAndExplainsEachStep() {
        write(() -> {
            dsg.add(SOURCE, uri("a"), P, uri("b"));
            materialiser.materialiseAll(dsg);
        });
        assertTrue(inferred(uri("a"), Q, uri("b")));
        assertTrue(inferred(uri("a"), R, uri("b")));
        // The second step cites the first step's (inferred) conclusion as its premise.
        assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(Graphs.Nodes.EXPLANATIONS, Node.ANY, RDF.Nodes.subject, uri("a"))));
        assertEquals(2, countDerivations());
    }

    @Test
    void anAssertedConclusionIsNotInferred() {
        write(() -> {
            dsg.add(SOURCE, uri("a"), P, uri("b"));
            dsg.add(SOURCE, uri("a"), Q, uri("b"));
            materialiser.materialiseAll(dsg);
        });
        assertFalse(inferred(uri("a"), Q, uri("b")));
        assertTrue(inferred(uri("a"), R, uri("b")), "r still follows from the asserted q");
    }

    @Test
    void anUpdateRerunsOnlyTheRulesItConcerns() {
        write(() -> materialiser.materialiseAll(dsg));
        ChangeSet changes = new ChangeSet();
        write(() -> {
            dsg.add(SOURCE, uri("c"), Q, uri("d"));
            added(changes, Triple.create(uri("c"), Q, uri("d")));
            materialiser.update(dsg, changes);
        });
        assertEquals(List.of(qToR.iri()), materialiser.lastReport().rulesRun());
        assertTrue(inferred(uri("c"), R, uri("d")));

        ChangeSet more = new ChangeSet();
        write(() -> {
            dsg.add(SOURCE, uri("e"), P, uri("f"));
            added(more, Triple.create(uri("e"), P, uri("f")));
            materialiser.update(dsg, more);
        });
        assertEquals(List.of(pToQ.iri(), qToR.iri()), materialiser.lastReport().rulesRun(), "q-to-r reads what p-to-q concludes");
        assertTrue(inferred(uri("e"), R, uri("f")));
        assertTrue(inferred(uri("c"), R, uri("d")), "kept from before");
    }

    @Test
    void aTripleWithManyReasonsKeepsABoundedNumberAndTheNextOneStepsIn() {
        Rule manyReasons = new Rule() {
            public String iri() { return RULE_BASE + "test-many"; }
            public String label() { return "many"; }
            public String description() { return "anything with p is a Thing, once per p"; }
            public Set<Node> inputs() { return Set.of(P); }
            public Set<Node> outputs() { return Set.of(RDF.Nodes.type); }
            public void apply(Graph data, Consumer<Derivation> out) {
                data.find(Node.ANY, P, Node.ANY).forEachRemaining(t -> out.accept(
                    new Derivation(Triple.create(t.getSubject(), RDF.Nodes.type, uri("Thing")), this, List.of(t))));
            }
        };
        materialiser = new Materialiser(ontology -> List.of(manyReasons));
        write(() -> {
            for ( int i = 0; i < 5; i++ )
                dsg.add(SOURCE, uri("a"), P, uri("o" + i));
            materialiser.materialiseAll(dsg);
        });
        assertEquals(Materialiser.REASONS_PER_TRIPLE, countDerivations());

        ChangeSet changes = new ChangeSet();
        write(() -> {
            for ( int i = 0; i < 3; i++ ) {
                dsg.delete(SOURCE, uri("a"), P, uri("o" + i));
                changes.touched(SOURCE, Triple.create(uri("a"), P, uri("o" + i)));
                changes.retracted(Triple.create(uri("a"), P, uri("o" + i)));
            }
            materialiser.update(dsg, changes);
        });
        assertTrue(inferred(uri("a"), RDF.Nodes.type, uri("Thing")));
        assertEquals(2, countDerivations(), "the two remaining reasons are written");
    }

    @Test
    void aPremiseOfSeveralDerivationsIsDescribedOnceAndGoesWithTheLast() {
        Rule pToR = new Step("p-to-r", P, R);
        materialiser = new Materialiser(ontology -> List.of(pToQ, pToR));
        write(() -> {
            dsg.add(SOURCE, uri("a"), P, uri("b"));
            materialiser.materialiseAll(dsg);
        });
        assertEquals(2, countDerivations());
        assertEquals(1, premiseDescriptions(), "both derivations link to one description of (a p b)");

        ChangeSet changes = new ChangeSet();
        write(() -> {
            dsg.delete(SOURCE, uri("a"), P, uri("b"));
            changes.touched(SOURCE, Triple.create(uri("a"), P, uri("b")));
            changes.retracted(Triple.create(uri("a"), P, uri("b")));
            materialiser.update(dsg, changes);
        });
        assertEquals(0, countDerivations());
        assertEquals(0, premiseDescriptions(), "no description is left behind");
        int described = Txn.calculateRead(dsg, () -> dsg.getGraph(Graphs.Nodes.EXPLANATIONS)
            .find(Node.ANY, RDF.Nodes.subject, Node.ANY).toList().size());
        assertEquals(0, described, "nothing is described any more");
    }

    private long premiseDescriptions() {
        return Txn.calculateRead(dsg, () -> (long) dsg.getGraph(Graphs.Nodes.EXPLANATIONS)
            .find(Node.ANY, RDF.Nodes.type, DKG.Nodes.Premise).toList().size());
    }

    /** Records an added triple as the dataset wrapper does. */
    private static void added(ChangeSet changes, Triple t) {
        changes.touched(SOURCE, t);
        changes.asserted(t);
    }

    @Test
    void aChangeRecordedByPredicateAloneRunsEverything() {
        write(() -> materialiser.materialiseAll(dsg));
        ChangeSet changes = new ChangeSet();
        write(() -> {
            dsg.add(SOURCE, uri("g"), Q, uri("h"));
            changes.touched(SOURCE, Q);
            materialiser.update(dsg, changes);
        });
        assertEquals(List.of(pToQ.iri(), qToR.iri()), materialiser.lastReport().rulesRun());
        assertTrue(inferred(uri("g"), R, uri("h")));
    }

    private void write(Runnable action) {
        Txn.executeWrite(dsg, action);
    }

    private boolean inferred(Node s, Node p, Node o) {
        return Txn.calculateRead(dsg, () -> dsg.contains(Graphs.Nodes.INFERRED, s, p, o));
    }

    private long countDerivations() {
        return Txn.calculateRead(dsg, () -> (long) dsg.getGraph(Graphs.Nodes.EXPLANATIONS)
            .find(Node.ANY, RDF.Nodes.type, DKG.Nodes.Derivation).toList().size());
    }

    private static Node uri(String local) {
        return NodeFactory.createURI("http://example.org/" + local);
    }
}
