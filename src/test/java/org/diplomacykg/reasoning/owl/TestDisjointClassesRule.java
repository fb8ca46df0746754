package org.diplomacykg.reasoning.owl;

import static org.diplomacykg.reasoning.owl.OwlFixtures.assertDerivations;
import static org.diplomacykg.reasoning.owl.OwlFixtures.derive;
import static org.diplomacykg.reasoning.owl.OwlFixtures.graph;
import static org.diplomacykg.reasoning.owl.OwlFixtures.node;
import static org.diplomacykg.reasoning.owl.OwlFixtures.triple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.Derivations;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.reasoning.Rule;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.DatasetLoader;
import org.diplomacykg.store.InferringDatasetGraph;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;

/**
 * The disjoint-classes rule: something of two classes the ontology declares disjoint is typed
 * {@code owl:Nothing}, with the two typings as premises; on small graphs, and on the project's
 * data after a write that mixes up {@code dkg:holds} and {@code dkg:holder} (a mistake no
 * shape refuses, since neither end is asserted to be of the class the shape targets).
 */
class TestDisjointClassesRule {

    private static final Triple NOTHING_X = triple("(:x rdf:type owl:Nothing)");

    private static Derivation derivation(Rule rule, Triple conclusion, Triple... premises) {
        return new Derivation(conclusion, rule, List.of(premises));
    }

    @Test
    void twoClassesDeclaredDisjointClash() {
        Graph ontology = graph(":Meeting owl:disjointWith :Cancellation .");
        Rule rule = new DisjointClassesRule(ontology);
        assertDerivations(derive(rule, graph(":x a :Meeting , :Cancellation . :y a :Meeting . :z a :Cancellation .")),
            derivation(rule, NOTHING_X, triple("(:x rdf:type :Meeting)"), triple("(:x rdf:type :Cancellation)"),
                       triple("(:Meeting owl:disjointWith :Cancellation)")));
        assertEquals(Set.of(node("rdf:type")), rule.inputs());
        assertEquals(Set.of(node("rdf:type")), rule.outputs());
    }

    @Test
    void anyTwoMembersOfAllDisjointClassesClash() {
        Graph ontology = graph("[] a owl:AllDisjointClasses ; owl:members ( :Person :Organisation :UnnamedSource ) .");
        Rule rule = new DisjointClassesRule(ontology);
        Triple members = ontology.find(Node.ANY, node("owl:members"), Node.ANY).toList().get(0);
        assertDerivations(derive(rule, graph(":x a :Person , :UnnamedSource . :y a :Person , :Agent .")),
            derivation(rule, NOTHING_X, triple("(:x rdf:type :Person)"), triple("(:x rdf:type :UnnamedSource)"), members));
    }

    @Test
    void classExpressionsAndBrokenListsDeclareNothing() {
        Graph ontology = graph("""
            [] a owl:AllDisjointClasses ; owl:members ( :Person [ owl:unionOf ( :State :Organisation ) ] ) .
            [] a owl:AllDisjointClasses ; owl:members _:cell . _:cell rdf:first :Person .
            :Person owl:disjointWith [ owl:complementOf :Agent ] .
            """);
        DisjointClassesRule rule = new DisjointClassesRule(ontology);
        assertEquals(List.of(), rule.axioms());
        assertDerivations(derive(rule, graph(":x a :Person , :Organisation , :State , :Agent .")));
    }

    @Test
    void aWriteThatMakesAPersonATenureMakesBothClashAndTheClashGoesWithIt() {
        Materialiser materialiser = Materialiser.standard();
        DatasetGraph dsg = new InferringDatasetGraph(Store.createUnionDataset().asDatasetGraph(), materialiser);
        Txn.executeWrite(dsg, () -> DatasetLoader.load(new DataLayout(Path.of("ontology"), Path.of("data")), dsg));
        assertEquals(Set.of(), Txn.calculateRead(dsg, () -> clashes(dsg)), "the project data is consistent");

        String mixUp = """
            PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
            PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
            %s DATA { GRAPH <%s> { id:sergey-lavrov dkg:holder id:tenure-sergey-lavrov-foreign-minister-of-russia-2004 } }""";
        String source = Graphs.sourceGraph("lavrov-rubio-2025-10");
        Txn.executeWrite(dsg, () -> UpdateAction.parseExecute(mixUp.formatted("INSERT", source), dsg));

        Node lavrov = node("id:sergey-lavrov");
        Node tenure = node("id:tenure-sergey-lavrov-foreign-minister-of-russia-2004");
        assertEquals(Set.of(lavrov, tenure), Txn.calculateRead(dsg, () -> clashes(dsg)));
        // Lavrov is a person, so an agent; the domain of dkg:holder makes him a tenure.
        List<Derivation> why = Txn.calculateRead(dsg, () ->
            Derivations.standard(dsg).of(Triple.create(lavrov, node("rdf:type"), node("owl:Nothing"))));
        assertTrue(why.stream().anyMatch(d -> d.rule().iri().equals(Rule.RULE_BASE + "owl-disjoint-classes")
                                              && d.premises().contains(Triple.create(lavrov, node("rdf:type"), node("dkg:Agent")))
                                              && d.premises().contains(Triple.create(lavrov, node("rdf:type"), node("dkg:Tenure")))),
                   () -> "explained by the two typings: " + why);

        Txn.executeWrite(dsg, () -> UpdateAction.parseExecute(mixUp.formatted("DELETE", source), dsg));
        assertEquals(Set.of(), Txn.calculateRead(dsg, () -> clashes(dsg)));
    }

    /** What the inferred graph types owl:Nothing. */
    private static Set<Node> clashes(DatasetGraph dsg) {
        return dsg.getGraph(Graphs.Nodes.INFERRED).find(Node.ANY, node("rdf:type"), node("owl:Nothing")).toList()
            .stream().map(Triple::getSubject).collect(Collectors.toSet());
    }
}
