package org.diplomacykg.reasoning.owl;

import static org.diplomacykg.reasoning.owl.OwlFixtures.assertDerivations;
import static org.diplomacykg.reasoning.owl.OwlFixtures.derive;
import static org.diplomacykg.reasoning.owl.OwlFixtures.graph;
import static org.diplomacykg.reasoning.owl.OwlFixtures.node;
import static org.diplomacykg.reasoning.owl.OwlFixtures.only;
import static org.diplomacykg.reasoning.owl.OwlFixtures.triple;
import static org.diplomacykg.reasoning.owl.OwlFixtures.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.Rule;
import org.junit.jupiter.api.Test;

/**
 * Each OWL rule on small graphs: a case where it fires, checked like Jena's
 * TestLPDerivation (conclusion, rule and every premise), and cases where it must not.
 */
class TestOwlRules {

    private static Derivation derivation(Rule rule, String conclusion, Triple... premises) {
        return new Derivation(triple(conclusion), rule, List.of(premises));
    }

    // ---- sub-class

    @Test
    void subClassGivesTheSuperClass() {
        Graph ontology = graph(":Summit rdfs:subClassOf :Meeting .");
        Rule rule = new SubClassRule(ontology);
        assertDerivations(derive(rule, graph(":alaska a :Summit .")),
            derivation(rule, "(:alaska rdf:type :Meeting)",
                triple("(:alaska rdf:type :Summit)"), triple("(:Summit rdfs:subClassOf :Meeting)")));
        assertEquals(Set.of(RDF.Nodes.type), rule.inputs());
        assertEquals(Set.of(RDF.Nodes.type), rule.outputs());
    }

    @Test
    void subClassTakesOneStepOnly() {
        Rule rule = new SubClassRule(graph(":Summit rdfs:subClassOf :Meeting . :Meeting rdfs:subClassOf :Event ."));
        assertDerivations(derive(rule, graph(":alaska a :Summit .")),
            derivation(rule, "(:alaska rdf:type :Meeting)",
                triple("(:alaska rdf:type :Summit)"), triple("(:Summit rdfs:subClassOf :Meeting)")));
    }

    @Test
    void subClassIgnoresClassExpressions() {
        Graph ontology = graph("""
            :Summit rdfs:subClassOf [ owl:unionOf ( :Meeting :Event ) ] .
            [ owl:unionOf ( :Summit :PhoneCall ) ] rdfs:subClassOf :Meeting .
            """);
        Rule rule = new SubClassRule(ontology);
        assertEquals(List.of(), ((OwlRule) rule).axioms());
        assertDerivations(derive(rule, graph(":alaska a :Summit . :call a :PhoneCall .")));
    }

    @Test
    void axiomsAreReadFromTheOntologyNotTheData() {
        Rule rule = new SubClassRule(graph(""));
        Graph data = graph(":Summit rdfs:subClassOf :Meeting . :alaska a :Summit .");
        assertDerivations(derive(rule, data));
    }

    @Test
    void aDataGraphHoldingTheOntologyGivesNothingTwice() {
        Graph ontology = graph(":Summit rdfs:subClassOf :Meeting .");
        Rule rule = new SubClassRule(ontology);
        assertDerivations(derive(rule, union(ontology, graph(":alaska a :Summit ."))),
            derivation(rule, "(:alaska rdf:type :Meeting)",
                triple("(:alaska rdf:type :Summit)"), triple("(:Summit rdfs:subClassOf :Meeting)")));
    }

    // ---- sub-property

    @Test
    void subPropertyGivesTheSuperProperty() {
        Rule rule = new SubPropertyRule(graph(":participant rdfs:subPropertyOf :involved ."));
        assertDerivations(derive(rule, graph(":alaska :participant :putin .")),
            derivation(rule, "(:alaska :involved :putin)",
                triple("(:alaska :participant :putin)"), triple("(:participant rdfs:subPropertyOf :involved)")));
        assertEquals(Set.of(node(":participant")), rule.inputs());
        assertEquals(Set.of(node(":involved")), rule.outputs());
    }

    @Test
    void subPropertyDoesNotGoDownwards() {
        Rule rule = new SubPropertyRule(graph(":participant rdfs:subPropertyOf :involved ."));
        assertDerivations(derive(rule, graph(":alaska :involved :putin .")));
    }

    @Test
    void subPropertyIgnoresInversePropertyExpressions() {
        Rule rule = new SubPropertyRule(graph("[ owl:inverseOf :holder ] rdfs:subPropertyOf :holds ."));
        assertEquals(Set.of(), rule.inputs());
        assertDerivations(derive(rule, graph(":t :holder :lavrov .")));
    }

    // ---- inverse

    @Test
    void inverseWorksBothWays() {
        Graph ontology = graph(":holds owl:inverseOf :holder .");
        Rule rule = new InverseRule(ontology);
        Triple axiom = triple("(:holds owl:inverseOf :holder)");
        assertDerivations(derive(rule, graph(":lavrov :holds :t1 . :t2 :holder :rubio .")),
            derivation(rule, "(:t1 :holder :lavrov)", triple("(:lavrov :holds :t1)"), axiom),
            derivation(rule, "(:rubio :holds :t2)", triple("(:t2 :holder :rubio)"), axiom));
        assertEquals(Set.of(node(":holds"), node(":holder")), rule.inputs());
        assertEquals(Set.of(node(":holds"), node(":holder")), rule.outputs());
    }

    @Test
    void inverseKeepsBlankNodes() {
        Rule rule = new InverseRule(graph(":holds owl:inverseOf :holder ."));
        List<Derivation> found = derive(rule, graph(":lavrov :holds [] ."));
        assertEquals(1, found.size());
        assertTrue(found.get(0).conclusion().getSubject().isBlank());
    }

    @Test
    void inverseNeverMakesALiteralASubject() {
        Rule rule = new InverseRule(graph(":holds owl:inverseOf :holder ."));
        assertDerivations(derive(rule, graph(":lavrov :holds \"minister\" . :t :holder 42 .")));
    }

    @Test
    void inverseNeedsAnAxiom() {
        Rule rule = new InverseRule(graph(":holds a owl:ObjectProperty ."));
        assertDerivations(derive(rule, graph(":lavrov :holds :t1 .")));
    }

    // ---- symmetric

    @Test
    void symmetricSwapsSubjectAndObject() {
        Rule rule = new SymmetricRule(graph(":counterpart a owl:ObjectProperty , owl:SymmetricProperty ."));
        assertDerivations(derive(rule, graph(":lavrov :counterpart :rubio .")),
            derivation(rule, "(:rubio :counterpart :lavrov)",
                triple("(:lavrov :counterpart :rubio)"), triple("(:counterpart rdf:type owl:SymmetricProperty)")));
        assertEquals(Set.of(node(":counterpart")), rule.inputs());
        assertEquals(Set.of(node(":counterpart")), rule.outputs());
    }

    @Test
    void symmetricSkipsLiteralsSelfLoopsAndOtherProperties() {
        Rule rule = new SymmetricRule(graph(":counterpart a owl:SymmetricProperty ."));
        assertDerivations(derive(rule, graph(":lavrov :counterpart \"Rubio\" , :lavrov . :lavrov :knows :rubio .")));
    }

    // ---- transitive

    @Test
    void transitiveJoinsTwoSteps() {
        Rule rule = new TransitiveRule(graph(":locatedIn a owl:TransitiveProperty ."));
        assertDerivations(derive(rule, graph(":budapest :locatedIn :hungary . :hungary :locatedIn :europe .")),
            derivation(rule, "(:budapest :locatedIn :europe)",
                triple("(:budapest :locatedIn :hungary)"), triple("(:hungary :locatedIn :europe)"),
                triple("(:locatedIn rdf:type owl:TransitiveProperty)")));
        assertEquals(Set.of(node(":locatedIn")), rule.inputs());
        assertEquals(Set.of(node(":locatedIn")), rule.outputs());
    }

    @Test
    void transitiveTakesOneStepOnly() {
        Rule rule = new TransitiveRule(graph(":in a owl:TransitiveProperty ."));
        List<Derivation> found = derive(rule, graph(":a :in :b . :b :in :c . :c :in :d ."));
        assertEquals(Set.of(triple("(:a :in :c)"), triple("(:b :in :d)")), conclusions(found));
    }

    @Test
    void transitiveKeepsACycleBackToItsStart() {
        Rule rule = new TransitiveRule(graph(":in a owl:TransitiveProperty ."));
        List<Derivation> found = derive(rule, graph(":a :in :b . :b :in :a ."));
        assertEquals(Set.of(triple("(:a :in :a)"), triple("(:b :in :b)")), conclusions(found));
    }

    @Test
    void transitiveSkipsStepsThatConcludeAPremise() {
        Rule rule = new TransitiveRule(graph(":in a owl:TransitiveProperty ."));
        assertDerivations(derive(rule, graph(":a :in :a . :a :in :b . :b :in :b .")));
    }

    @Test
    void transitiveNeedsTheDeclaration() {
        Rule rule = new TransitiveRule(graph(":in a owl:ObjectProperty ."));
        assertDerivations(derive(rule, graph(":a :in :b . :b :in :c .")));
    }

    // ---- property chain

    @Test
    void chainFollowsThePath() {
        Graph ontology = graph(":cancellationReason owl:propertyChainAxiom ( :cancellation :reason ) .");
        Rule rule = new PropertyChainRule(ontology);
        Triple axiom = only(ontology, ":cancellationReason", "owl:propertyChainAxiom");
        Graph data = graph(":budapest :cancellation :c . :c :reason :claim1 , :claim2 . :other :reason :claim3 .");
        assertDerivations(derive(rule, data),
            derivation(rule, "(:budapest :cancellationReason :claim1)",
                triple("(:budapest :cancellation :c)"), triple("(:c :reason :claim1)"), axiom),
            derivation(rule, "(:budapest :cancellationReason :claim2)",
                triple("(:budapest :cancellation :c)"), triple("(:c :reason :claim2)"), axiom));
        assertEquals(Set.of(node(":cancellation"), node(":reason")), rule.inputs());
        assertEquals(Set.of(node(":cancellationReason")), rule.outputs());
    }

    @Test
    void chainOfThree() {
        Graph ontology = graph(":p owl:propertyChainAxiom ( :p1 :p2 :p3 ) .");
        Rule rule = new PropertyChainRule(ontology);
        Triple axiom = only(ontology, ":p", "owl:propertyChainAxiom");
        assertDerivations(derive(rule, graph(":s :p1 :x . :x :p2 :y . :y :p3 \"end\" . :x :p3 :z .")),
            derivation(rule, "(:s :p \"end\")",
                triple("(:s :p1 :x)"), triple("(:x :p2 :y)"), triple("(:y :p3 \"end\")"), axiom));
    }

    @Test
    void chainNeedsTheWholePath() {
        Rule rule = new PropertyChainRule(graph(":cancellationReason owl:propertyChainAxiom ( :cancellation :reason ) ."));
        assertDerivations(derive(rule, graph(":budapest :cancellation :c . :d :reason :claim1 . :budapest :reason :claim2 .")));
    }

    @Test
    void chainIgnoresInversePropertyExpressionsAndBrokenLists() {
        Graph ontology = graph("""
            :cancellationReason owl:propertyChainAxiom ( [ owl:inverseOf :cancelledEvent ] :reason ) .
            :q owl:propertyChainAxiom _:cell .
            _:cell rdf:first :cancellation .
            """);
        Rule rule = new PropertyChainRule(ontology);
        assertEquals(List.of(), ((OwlRule) rule).axioms());
        assertDerivations(derive(rule, graph(":c :cancelledEvent :budapest ; :reason :claim1 . :budapest :cancellation :c .")));
    }

    // ---- domain and range

    @Test
    void domainTypesTheSubject() {
        Rule rule = new DomainRule(graph(":holds rdfs:domain :Official ."));
        assertDerivations(derive(rule, graph(":lavrov :holds :t1 .")),
            derivation(rule, "(:lavrov rdf:type :Official)",
                triple("(:lavrov :holds :t1)"), triple("(:holds rdfs:domain :Official)")));
        assertEquals(Set.of(node(":holds")), rule.inputs());
        assertEquals(Set.of(RDF.Nodes.type), rule.outputs());
    }

    @Test
    void domainIgnoresClassExpressions() {
        Rule rule = new DomainRule(graph(":location rdfs:domain [ owl:unionOf ( :Event :Statement ) ] ."));
        assertDerivations(derive(rule, graph(":alaska :location :anchorage .")));
    }

    @Test
    void rangeTypesAResourceObject() {
        Rule rule = new RangeRule(graph(":holds rdfs:range :Tenure ."));
        assertDerivations(derive(rule, graph(":lavrov :holds :t1 , \"t2\" .")),
            derivation(rule, "(:t1 rdf:type :Tenure)",
                triple("(:lavrov :holds :t1)"), triple("(:holds rdfs:range :Tenure)")));
        assertEquals(Set.of(node(":holds")), rule.inputs());
        assertEquals(Set.of(RDF.Nodes.type), rule.outputs());
    }

    @Test
    void rangeIgnoresDatatypes() {
        Graph ontology = graph("""
            :startDate rdfs:range xsd:dateTime .
            :note rdfs:range rdfs:Literal .
            :text rdfs:range rdf:langString .
            :day rdfs:range :Day . :Day a rdfs:Datatype .
            """);
        Rule rule = new RangeRule(ontology);
        assertEquals(List.of(), ((OwlRule) rule).axioms());
        assertDerivations(derive(rule, graph(":t :startDate :x ; :note :y ; :text :z ; :day :w .")));
    }

    // ---- all of them

    @Test
    void everyRuleHasItsOwnIriALabelAndADescription() {
        List<Rule> rules = OwlRules.fromOntology(graph(""));
        assertEquals(9, rules.size());
        Set<String> iris = new HashSet<>();
        for ( Rule rule : rules ) {
            assertTrue(rule.iri().startsWith(Rule.RULE_BASE + "owl-"), rule.iri());
            assertTrue(iris.add(rule.iri()), () -> "IRI used twice: " + rule.iri());
            assertFalse(rule.label().isBlank());
            assertTrue(rule.description().endsWith("."), rule.description());
        }
        assertEquals(Rule.RULE_BASE + "owl-subclass", rules.get(0).iri());
    }

    @Test
    void theSameOntologyGivesTheSameRules() {
        String ttl = """
            :B rdfs:subClassOf :A . :C rdfs:subClassOf :A . :A rdfs:subClassOf :Z .
            :p rdfs:domain :A , :B . :q owl:inverseOf :p .
            """;
        List<Rule> one = OwlRules.fromOntology(graph(ttl));
        List<Rule> two = OwlRules.fromOntology(graph(ttl));
        assertEquals(one.stream().map(Rule::iri).toList(), two.stream().map(Rule::iri).toList());
        for ( int i = 0; i < one.size(); i++ )
            assertEquals(((OwlRule) one.get(i)).axioms(), ((OwlRule) two.get(i)).axioms());
        assertEquals(List.of(triple("(:A rdfs:subClassOf :Z)"), triple("(:B rdfs:subClassOf :A)"), triple("(:C rdfs:subClassOf :A)")),
            ((OwlRule) one.get(0)).axioms());
    }

    private static Set<Triple> conclusions(List<Derivation> derivations) {
        Set<Triple> conclusions = new HashSet<>();
        derivations.forEach(d -> conclusions.add(d.conclusion()));
        return conclusions;
    }
}
