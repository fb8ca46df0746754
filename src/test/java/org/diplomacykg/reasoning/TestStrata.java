package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;

/**
 * A rule that reads a count, a latest or an absence runs after the rules that derive what it
 * reads, whatever order the rules are listed in, in a full run and in an update; a cycle through
 * such a read is refused at start, naming the rules.
 */
class TestStrata {

    private static final Node SOURCE = NodeFactory.createURI(Graphs.SOURCE_BASE + "test");
    private static final Node P = uri("p"), Q = uri("q"), ONE = uri("hasOneP");
    private static final Node TRUE = NodeFactory.createLiteralString("true");

    /** x p y (exactly one): x hasOneP "true". Reads the count of p. */
    private static final Rule COUNT = new TestRule("count-p", Set.of(P), Set.of(P), ONE) {
        public void apply(Graph data, Consumer<Derivation> out) {
            Map<Node, List<Triple>> bySubject = new HashMap<>();
            data.find(Node.ANY, P, Node.ANY).forEachRemaining(t -> bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t));
            bySubject.forEach((x, ts) -> {
                if ( ts.size() == 1 )
                    out.accept(new Derivation(Triple.create(x, ONE, TRUE), this, ts));
            });
        }
    };

    /** x q y: x p y. */
    private static final Rule Q_TO_P = new TestRule("q-to-p", Set.of(Q), Set.of(), P) {
        public void apply(Graph data, Consumer<Derivation> out) {
            data.find(Node.ANY, Q, Node.ANY).forEachRemaining(t -> out.accept(
                new Derivation(Triple.create(t.getSubject(), P, t.getObject()), this, List.of(t))));
        }
    };

    @Test
    void aCountingRuleIsPlacedAfterTheRuleDerivingWhatItCounts() {
        assertEquals(List.of(List.of(Q_TO_P), List.of(COUNT)), Strata.of(List.of(COUNT, Q_TO_P)));
        assertEquals(1, Strata.of(List.of(Q_TO_P)).size());
    }

    @Test
    void aFullRunCountsWhatIsDerivedToo() {
        DatasetGraph dsg = Store.createUnionDataset().asDatasetGraph();
        Materialiser materialiser = new Materialiser(ontology -> List.of(COUNT, Q_TO_P));
        Txn.executeWrite(dsg, () -> {
            dsg.add(SOURCE, uri("x"), P, uri("a"));
            dsg.add(SOURCE, uri("x"), Q, uri("b"));
            materialiser.materialiseAll(dsg);
        });
        assertTrue(inferred(dsg, uri("x"), P, uri("b")));
        assertFalse(inferred(dsg, uri("x"), ONE, TRUE), "x has two p once q-to-p has run");
    }

    @Test
    void anUpdateThatAddsToACountTakesBackWhatTheCountGave() {
        DatasetGraph dsg = Store.createUnionDataset().asDatasetGraph();
        Materialiser materialiser = new Materialiser(ontology -> List.of(COUNT, Q_TO_P));
        Txn.executeWrite(dsg, () -> {
            dsg.add(SOURCE, uri("x"), P, uri("a"));
            materialiser.materialiseAll(dsg);
        });
        assertTrue(inferred(dsg, uri("x"), ONE, TRUE));

        Triple added = Triple.create(uri("x"), Q, uri("b"));
        ChangeSet changes = new ChangeSet();
        Txn.executeWrite(dsg, () -> {
            dsg.add(SOURCE, added.getSubject(), added.getPredicate(), added.getObject());
            changes.touched(SOURCE, added);
            changes.asserted(added);
            materialiser.update(dsg, changes);
        });
        assertTrue(inferred(dsg, uri("x"), P, uri("b")));
        assertFalse(inferred(dsg, uri("x"), ONE, TRUE), "the derived p is counted");
        assertFalse(Txn.calculateRead(dsg, () -> dsg.contains(Graphs.Nodes.EXPLANATIONS, Node.ANY, Node.ANY,
            NodeFactory.createTripleTerm(uri("x"), ONE, TRUE))), "nor explained");
    }

    @Test
    void aCycleThroughACountIsRefusedNamingTheRules() {
        Rule pFromOne = new TestRule("p-from-one", Set.of(ONE), Set.of(), P) {
            public void apply(Graph data, Consumer<Derivation> out) {}
        };
        Materialiser materialiser = new Materialiser(ontology -> List.of(COUNT, Q_TO_P, pFromOne));
        DatasetGraph dsg = Store.createUnionDataset().asDatasetGraph();
        IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> Txn.executeWrite(dsg, () -> materialiser.materialiseAll(dsg)));
        assertTrue(ex.getMessage().contains(COUNT.iri()) && ex.getMessage().contains(pFromOne.iri()), ex.getMessage());
        assertFalse(ex.getMessage().contains(Q_TO_P.iri()), "q-to-p is not on the cycle: " + ex.getMessage());
    }

    @Test
    void aRuleReadingItsOwnConclusionRunsAfterTheOthersThatDeriveIt() {
        // As position continuity reads dkg:comparedWith of statements and concludes it of assessments.
        Rule own = new TestRule("own-p", Set.of(P), Set.of(P), P) {
            public void apply(Graph data, Consumer<Derivation> out) {}
        };
        assertEquals(List.of(List.of(Q_TO_P), List.of(own)), Strata.of(List.of(own, Q_TO_P)));
    }

    @Test
    void aRuleReadingItsOwnConclusionThroughAnotherRuleIsRefused() {
        Rule own = new TestRule("own-p-from-q", Set.of(P, Q), Set.of(P), P) {
            public void apply(Graph data, Consumer<Derivation> out) {}
        };
        Rule pToQ = new TestRule("p-to-q", Set.of(P), Set.of(), Q) {
            public void apply(Graph data, Consumer<Derivation> out) {}
        };
        IllegalStateException ex = assertThrows(IllegalStateException.class, () -> Strata.of(List.of(own, pToQ)));
        assertTrue(ex.getMessage().contains(own.iri()) && ex.getMessage().contains(pToQ.iri()), ex.getMessage());
    }

    private static boolean inferred(DatasetGraph dsg, Node s, Node p, Node o) {
        return Txn.calculateRead(dsg, () -> dsg.contains(Graphs.Nodes.INFERRED, s, p, o));
    }

    private static Node uri(String local) {
        return NodeFactory.createURI("http://example.org/" + local);
    }

    private abstract static class TestRule implements Rule {
        private final String name;
        private final Set<Node> inputs, nonMonotone;
        private final Node output;

        TestRule(String name, Set<Node> inputs, Set<Node> nonMonotone, Node output) {
            this.name = name;
            this.inputs = inputs;
            this.nonMonotone = nonMonotone;
            this.output = output;
        }

        public String iri() { return RULE_BASE + "test-" + name; }
        public String label() { return name; }
        public String description() { return "a rule of TestStrata"; }
        public Set<Node> inputs() { return inputs; }
        public Set<Node> outputs() { return Set.of(output); }
        public Set<Node> nonMonotoneInputs() { return nonMonotone; }
    }
}
