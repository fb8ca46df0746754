package org.diplomacykg.reasoning.owl;

import static org.diplomacykg.reasoning.owl.OwlFixtures.graph;
import static org.diplomacykg.reasoning.owl.OwlFixtures.node;
import static org.diplomacykg.reasoning.owl.OwlFixtures.triple;
import static org.diplomacykg.reasoning.owl.OwlFixtures.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OWL rules compiled from the real {@code ontology/diplomacy.ttl}, and what they infer. */
class TestOwlRulesOntology {

    private static Graph ontology;
    private static List<Rule> rules;

    @BeforeAll
    static void load() {
        ontology = RDFParser.source("ontology/diplomacy.ttl").toGraph();
        rules = OwlRules.fromOntology(ontology);
    }

    private static <R extends OwlRule> R rule(Class<R> kind) {
        return rules.stream().filter(kind::isInstance).map(kind::cast).findFirst()
            .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName()));
    }

    @Test
    void findsTheAxioms() {
        assertTrue(rule(SubClassRule.class).axioms().contains(triple("(dkg:Summit rdfs:subClassOf dkg:Meeting)")));
        assertTrue(rule(InverseRule.class).axioms().contains(triple("(dkg:holds owl:inverseOf dkg:holder)")));
        assertTrue(rule(InverseRule.class).axioms().contains(triple("(dkg:cancellation owl:inverseOf dkg:cancelledEvent)")));
        assertTrue(rule(SymmetricRule.class).axioms().contains(triple("(dkg:counterpart rdf:type owl:SymmetricProperty)")));
        assertTrue(rule(TransitiveRule.class).axioms().contains(triple("(dkg:locatedIn rdf:type owl:TransitiveProperty)")));
        assertTrue(rule(DomainRule.class).axioms().contains(triple("(dkg:holds rdfs:domain dkg:Official)")));
        assertTrue(rule(RangeRule.class).axioms().contains(triple("(dkg:holds rdfs:range dkg:Tenure)")));

        PropertyChainRule chain = rule(PropertyChainRule.class);
        assertEquals(Set.of(node("dkg:cancellationReason")), chain.outputs());
        assertEquals(Set.of(node("dkg:cancellation"), node("dkg:reason")), chain.inputs());
        Triple axiom = chain.axioms().get(0);
        assertEquals(node("dkg:cancellationReason"), axiom.getSubject());
        assertEquals(List.of(node("dkg:cancellation"), node("dkg:reason")), Axioms.list(ontology, axiom.getObject()).orElseThrow());
    }

    @Test
    void leavesOutDatatypeRanges() {
        Node dateTime = XSD.dateTime.asNode();
        assertTrue(ontology.contains(node("dkg:startDate"), RDFS.Nodes.range, dateTime), "the ontology has a datatype range");
        assertFalse(rule(RangeRule.class).axioms().stream().anyMatch(a -> a.getObject().equals(dateTime)));
    }

    @Test
    void infersFromAFewFacts() {
        Graph data = union(ontology, graph("""
            id:budapest-summit a dkg:Summit .
            id:cancel dkg:cancelledEvent id:budapest-summit ; dkg:reason id:claim .
            id:lavrov-tenure dkg:holder id:lavrov ; dkg:startDate "2004-03-09T00:00:00Z"^^xsd:dateTime .
            id:lavrov dkg:counterpart id:rubio .
            id:budapest dkg:locatedIn id:hungary . id:hungary dkg:locatedIn id:europe .
            """));
        Map<Triple, Derivation> inferred = OwlFixtures.fixpoint(rules, data);

        for ( String expected : List.of(
                "(id:budapest-summit rdf:type dkg:Meeting)",
                "(id:budapest-summit rdf:type dkg:Event)",
                "(id:budapest-summit dkg:cancellation id:cancel)",
                "(id:budapest-summit dkg:cancellationReason id:claim)",
                "(id:cancel rdf:type dkg:Cancellation)",
                "(id:cancel rdf:type dkg:Event)",
                "(id:claim rdf:type dkg:Claim)",
                "(id:lavrov dkg:holds id:lavrov-tenure)",
                "(id:lavrov rdf:type dkg:Official)",
                "(id:lavrov rdf:type dkg:Agent)",
                "(id:lavrov-tenure rdf:type dkg:Tenure)",
                "(id:rubio dkg:counterpart id:lavrov)",
                "(id:rubio rdf:type dkg:Official)",
                "(id:budapest dkg:locatedIn id:europe)",
                "(id:budapest rdf:type dkg:Place)",
                "(id:europe rdf:type dkg:Place)") )
            assertNotNull(inferred.get(triple(expected)), () -> "not inferred: " + expected + "\n" + inferred.keySet());

        Derivation reason = inferred.get(triple("(id:budapest-summit dkg:cancellationReason id:claim)"));
        assertEquals(rule(PropertyChainRule.class).iri(), reason.rule().iri());
        assertEquals(List.of(triple("(id:budapest-summit dkg:cancellation id:cancel)"), triple("(id:cancel dkg:reason id:claim)"),
                             rule(PropertyChainRule.class).axioms().get(0)),
                     reason.premises());

        assertTrue(inferred.keySet().stream().noneMatch(t -> t.getObject().isURI()
                && t.getObject().getURI().startsWith(XSD.getURI())), "no type is a datatype");
        assertFalse(inferred.containsKey(triple("(id:budapest-summit rdf:type dkg:Cancellation)")));
        inferred.forEach((conclusion, derivation) ->
            assertTrue(derivation.rule().outputs().contains(conclusion.getPredicate()), () -> "not among its rule's outputs: " + derivation));
    }
}
