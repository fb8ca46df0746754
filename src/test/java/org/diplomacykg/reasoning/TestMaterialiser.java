package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
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
        assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(Graphs.Nodes.EXPLANATIONS, Node.ANY, DKG.Nodes.premise,
                                                              NodeFactory.createTripleTerm(uri("a"), Q, uri("b")))));
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
    void aTripleWithManyReasonsKeepsTheSmallestAndTheNextOneStepsIn() {
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
        List<Derivation> all = new ArrayList<>();
        for ( int i = 0; i < 5; i++ )
            all.add(new Derivation(Triple.create(uri("a"), RDF.Nodes.type, uri("Thing")), manyReasons,
                                   List.of(Triple.create(uri("a"), P, uri("o" + i)))));
        ExplanationWriter ids = new ExplanationWriter(dsg);
        all.sort(Comparator.comparing(d -> Txn.calculateRead(dsg, () -> ids.id(d))));
        write(() -> {
            for ( int i = 0; i < 5; i++ )
                dsg.add(SOURCE, uri("a"), P, uri("o" + i));
            materialiser.materialiseAll(dsg);
        });
        assertEquals(List.of(ExplanationWriter.node(Txn.calculateRead(dsg, () -> ids.id(all.get(0))))), derivations());

        // Retract the premise of the written one: the next smallest takes its place.
        Triple first = all.get(0).premises().get(0);
        ChangeSet changes = new ChangeSet();
        write(() -> {
            dsg.delete(SOURCE, first.getSubject(), first.getPredicate(), first.getObject());
            changes.touched(SOURCE, first);
            changes.retracted(first);
            materialiser.update(dsg, changes);
        });
        assertTrue(inferred(uri("a"), RDF.Nodes.type, uri("Thing")));
        assertEquals(List.of(ExplanationWriter.node(Txn.calculateRead(dsg, () -> ids.id(all.get(1))))), derivations());
    }

    @Test
    void aDerivationIsItsConclusionRuleAndPremisesAsTripleTerms() {
        write(() -> {
            dsg.add(SOURCE, uri("a"), P, uri("b"));
            materialiser.materialiseAll(dsg);
        });
        Node conclusion = NodeFactory.createTripleTerm(uri("a"), Q, uri("b"));
        Node d = Txn.calculateRead(dsg, () -> dsg.stream(Graphs.Nodes.EXPLANATIONS, Node.ANY, DKG.Nodes.conclusion, conclusion)
                                                 .findFirst().orElseThrow().getSubject());
        List<Quad> quads = Txn.calculateRead(dsg, () -> dsg.stream(Graphs.Nodes.EXPLANATIONS, d, Node.ANY, Node.ANY).toList());
        assertEquals(Set.of(new Quad(Graphs.Nodes.EXPLANATIONS, d, DKG.Nodes.conclusion, conclusion),
                            new Quad(Graphs.Nodes.EXPLANATIONS, d, DKG.Nodes.derivedBy, NodeFactory.createURI(pToQ.iri())),
                            new Quad(Graphs.Nodes.EXPLANATIONS, d, DKG.Nodes.premise, NodeFactory.createTripleTerm(uri("a"), P, uri("b")))),
                     Set.copyOf(quads));
        assertEquals(3, quads.size(), "nothing else is said of the derivation");
        assertTrue(d.getURI().startsWith("https://w3id.org/diplomacy-kg/derivation/"), d.getURI());
    }

    @Test
    void conclusionsOfOneRuleFromTheSamePremisesShareOneDerivationThatGoesWithTheLast() {
        Rule bothWays = new Rule() {
            public String iri() { return RULE_BASE + "test-both-ways"; }
            public String label() { return "both ways"; }
            public String description() { return "x p y gives x q y and y q x"; }
            public Set<Node> inputs() { return Set.of(P); }
            public Set<Node> outputs() { return Set.of(Q); }
            public void apply(Graph data, Consumer<Derivation> out) {
                data.find(Node.ANY, P, Node.ANY).forEachRemaining(t -> {
                    out.accept(new Derivation(Triple.create(t.getSubject(), Q, t.getObject()), this, List.of(t)));
                    out.accept(new Derivation(Triple.create(t.getObject(), Q, t.getSubject()), this, List.of(t)));
                });
            }
        };
        materialiser = new Materialiser(ontology -> List.of(bothWays));
        write(() -> {
            dsg.add(SOURCE, uri("a"), P, uri("b"));
            materialiser.materialiseAll(dsg);
        });
        assertEquals(2, countDerivations(), "two conclusions");
        assertEquals(1, Set.copyOf(derivations()).size(), "of one derivation");
        long quads = Txn.calculateRead(dsg, () -> dsg.stream(Graphs.Nodes.EXPLANATIONS, derivations().get(0), Node.ANY, Node.ANY).count());
        assertEquals(4, quads, "two conclusions, the rule, one premise");

        Triple premise = Triple.create(uri("a"), P, uri("b"));
        ChangeSet changes = new ChangeSet();
        write(() -> {
            dsg.delete(SOURCE, uri("a"), P, uri("b"));
            changes.touched(SOURCE, premise);
            changes.retracted(premise);
            materialiser.update(dsg, changes);
        });
        assertEquals(0, Txn.calculateRead(dsg, () -> dsg.stream(Graphs.Nodes.EXPLANATIONS, Node.ANY, DKG.Nodes.premise, Node.ANY).count()),
                     "nothing is left of the derivation");
    }

    @Test
    void aBlankNodeNeverReachesTheExplanations() {
        Node blank = NodeFactory.createBlankNode();
        write(() -> {
            dsg.add(SOURCE, blank, P, uri("b"));
            materialiser.materialiseAll(dsg);
        });
        assertTrue(inferred(blank, Q, uri("b")));
        boolean anyBlank = Txn.calculateRead(dsg, () -> dsg.stream(Graphs.Nodes.EXPLANATIONS, Node.ANY, Node.ANY, Node.ANY)
            .anyMatch(q -> q.getObject().isTripleTerm()
                           && (q.getObject().getTriple().getSubject().isBlank() || q.getObject().getTriple().getObject().isBlank())));
        assertFalse(anyBlank, "a blank node's label changes with every load: no stored explanation holds one");
    }

    @Test
    void aFullRunAgainAddsWhatNowFollowsAndRemovesWhatNoLongerDoes() {
        write(() -> {
            dsg.add(SOURCE, uri("a"), P, uri("b"));
            materialiser.materialiseAll(dsg);
        });
        write(() -> {
            dsg.delete(SOURCE, uri("a"), P, uri("b"));
            dsg.add(SOURCE, uri("c"), P, uri("d"));
            materialiser.materialiseAll(dsg);
        });
        MaterialisationReport report = materialiser.lastReport();
        assertEquals(List.of(2, 2, 2L), List.of(report.added(), report.removed(), report.inferredTriples()));
        assertFalse(inferred(uri("a"), Q, uri("b")));
        assertFalse(inferred(uri("a"), R, uri("b")));
        assertTrue(inferred(uri("c"), Q, uri("d")));
        assertTrue(inferred(uri("c"), R, uri("d")));
        assertEquals(2, countDerivations());
    }

    @Test
    void aRuleThatFailsFailsTheRunWithItsOwnExceptionAndNothingIsKept() {
        Rule failing = new Rule() {
            public String iri() { return RULE_BASE + "test-fails"; }
            public String label() { return "fails"; }
            public String description() { return "fails on q"; }
            public Set<Node> inputs() { return Set.of(Q); }
            public Set<Node> outputs() { return Set.of(R); }
            public void apply(Graph data, Consumer<Derivation> out) {
                throw new IllegalStateException("rule failed");
            }
        };
        materialiser = new Materialiser(ontology -> List.of(pToQ, failing));
        write(() -> dsg.add(SOURCE, uri("a"), P, uri("b")));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                                                     () -> write(() -> materialiser.materialiseAll(dsg)));
        assertEquals("rule failed", thrown.getMessage());
        assertFalse(inferred(uri("a"), Q, uri("b")), "the transaction was aborted");
    }

    @Test
    void aFailureToWriteTheInferredGraphFailsTheRun() {
        DatasetGraph failingStore = new DatasetGraphWrapper(dsg) {
            @Override
            public void add(Node g, Node s, Node p, Node o) {
                if ( Graphs.Nodes.INFERRED.equals(g) )
                    throw new IllegalStateException("disk full");
                super.add(g, s, p, o);
            }
        };
        write(() -> dsg.add(SOURCE, uri("a"), P, uri("b")));
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                                                     () -> write(() -> materialiser.materialiseAll(failingStore)));
        assertEquals("disk full", thrown.getMessage());
        assertEquals(0, countDerivations());
    }

    private List<Node> derivations() {
        return Txn.calculateRead(dsg, () -> dsg.stream(Graphs.Nodes.EXPLANATIONS, Node.ANY, DKG.Nodes.conclusion, Node.ANY)
                                              .map(Quad::getSubject).toList());
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
        return derivations().size();
    }

    private static Node uri(String local) {
        return NodeFactory.createURI("http://example.org/" + local);
    }
}
