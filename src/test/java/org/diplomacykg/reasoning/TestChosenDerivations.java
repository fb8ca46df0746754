package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/**
 * What a full run keeps while it finds derivations is what it would choose from all of them:
 * the one with the smallest id per triple, whatever the order they come in and however often
 * each comes.
 */
class TestChosenDerivations {

    private static final Rule RULE = new Rule() {
        public String iri() { return RULE_BASE + "test-typed"; }
        public String label() { return "typed"; }
        public String description() { return "a test rule"; }
        public Set<Node> inputs() { return Set.of(uri("p")); }
        public Set<Node> outputs() { return Set.of(RDF.Nodes.type); }
        public void apply(Graph data, Consumer<Derivation> out) {}
    };

    /** Ids over a dataset with no ontology: every premise is stored and hashed. */
    private static final ExplanationWriter IDS = new ExplanationWriter(DatasetGraphFactory.create());

    @Test
    void keepsWhatWouldBeChosenFromAllInAnyOrder() {
        Triple many = Triple.create(uri("a"), RDF.Nodes.type, uri("Thing"));
        Triple few = Triple.create(uri("b"), RDF.Nodes.type, uri("Thing"));
        List<Derivation> ofMany = new ArrayList<>(), ofFew = new ArrayList<>();
        for ( int i = 0; i < 7; i++ )
            ofMany.add(derivation(many, i));
        for ( int i = 0; i < 2; i++ )
            ofFew.add(derivation(few, i));

        List<Derivation> found = new ArrayList<>();
        found.addAll(ofMany);
        found.addAll(ofFew);
        found.addAll(ofMany.subList(2, 5));   // found again by a later round
        Set<Derivation> expected = new HashSet<>(Materialiser.chosenOf(ofMany, IDS::id));
        expected.addAll(Materialiser.chosenOf(ofFew, IDS::id));
        assertEquals(2, expected.size(), "one per triple");

        assertEquals(expected, kept(found));
        List<Derivation> reversed = new ArrayList<>(found);
        Collections.reverse(reversed);
        assertEquals(expected, kept(reversed));
    }

    private static Set<Derivation> kept(List<Derivation> found) {
        ChosenDerivations chosen = new ChosenDerivations(IDS);
        found.forEach(chosen::add);
        List<Derivation> kept = new ArrayList<>();
        chosen.forEach(kept::add);
        assertEquals(new HashSet<>(kept).size(), kept.size(), "each kept once: " + kept);
        return new HashSet<>(kept);
    }

    private static Derivation derivation(Triple conclusion, int i) {
        return new Derivation(conclusion, RULE, List.of(Triple.create(conclusion.getSubject(), uri("p"), uri("o" + i))));
    }

    private static Node uri(String local) {
        return NodeFactory.createURI("https://example.org/test/" + local);
    }
}
