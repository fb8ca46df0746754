package org.diplomacykg.server.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * /kg/explain answers every derivation of an inferred triple, among them the one the
 * explanations graph keeps, under the same IRI; a triple that is not inferred is 404, a request
 * that names no triple 400.
 */
class TestExplainEndpoint {

    private static final String POSITION = DKG.id("russia-position-on-ukraine");
    private static final String UNCHANGED = DKG.NS + "unchangedSince";
    private static final String DATE = "\"2025-08-15T00:00:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime>";
    private static final String RUBIO = DKG.id("marco-rubio");
    private static final String COUNTERPART = DKG.NS + "counterpart";
    private static final String LAVROV = DKG.id("sergey-lavrov");
    private static final Node CONCLUSION = NodeFactory.createTripleTerm(Triple.create(
        NodeFactory.createURI(RUBIO), NodeFactory.createURI(COUNTERPART), NodeFactory.createURI(LAVROV)));

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();

    private static String explain(String query) {
        return kg.datasetUrl() + "/explain?" + query;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Graph parse(HttpResponse<String> response, Lang lang) {
        assertEquals(200, response.statusCode(), response.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(response.body(), lang).parse(g);
        return g;
    }

    @Test
    void givesEveryDerivationAndTheStoredOneAmongThem() {
        Graph g = parse(SparqlClient.get(explain("s=" + enc(RUBIO) + "&p=" + enc(COUNTERPART) + "&o=" + enc(LAVROV)), "text/turtle"),
                        Lang.TURTLE);
        Set<Node> derivations = g.find(Node.ANY, DKG.Nodes.conclusion, CONCLUSION).mapWith(Triple::getSubject).toSet();
        Set<Node> rules = g.find(Node.ANY, DKG.Nodes.derivedBy, Node.ANY).mapWith(Triple::getObject).toSet();
        assertEquals(2, derivations.size(), "by the counterpart rule and by symmetry: " + g);
        assertEquals(Set.of(NodeFactory.createURI("https://w3id.org/diplomacy-kg/rule/counterpart"),
                            NodeFactory.createURI("https://w3id.org/diplomacy-kg/rule/owl-symmetric")), rules);
        // Every premise, the axiom the stored derivation leaves out included.
        assertTrue(g.contains(Node.ANY, DKG.Nodes.premise, NodeFactory.createTripleTerm(Triple.create(
            NodeFactory.createURI(COUNTERPART), RDF.Nodes.type, NodeFactory.createURI("http://www.w3.org/2002/07/owl#SymmetricProperty")))));

        List<String> stored = new ArrayList<>();
        SparqlClient.select(kg.sparqlUrl(), """
            SELECT ?d { GRAPH <%s> { ?d <%s> <<( <%s> <%s> <%s> )>> } }""".formatted(Graphs.EXPLANATIONS, DKG.NS + "conclusion",
                RUBIO, COUNTERPART, LAVROV)).forEachRemaining(row -> stored.add(row.getResource("d").getURI()));
        assertEquals(1, stored.size(), "the explanations graph keeps one");
        assertTrue(derivations.contains(NodeFactory.createURI(stored.get(0))), "under the same IRI");
    }

    @Test
    void takesTheTripleInNTriplesAndAnswersEachFormat() {
        // The literal object of a triple: the date since when the position is unchanged.
        String triple = "<" + POSITION + "> <" + UNCHANGED + "> " + DATE + " .";
        Graph turtle = parse(SparqlClient.get(explain("triple=" + enc(triple)), "text/turtle"), Lang.TURTLE);
        Graph nt = parse(SparqlClient.get(explain("triple=" + enc(triple)), "application/n-triples"), Lang.NTRIPLES);
        assertTrue(turtle.isIsomorphicWith(nt));
        Graph jsonld = parse(SparqlClient.get(explain("triple=" + enc(triple)), "application/ld+json"), Lang.JSONLD);
        // JSON-LD 1.1 has no triple terms: each triple is a node with rdf:subject, rdf:predicate and rdf:object.
        assertTrue(jsonld.contains(Node.ANY, RDF.Nodes.predicate, NodeFactory.createURI(UNCHANGED)));
        assertEquals(turtle.find(Node.ANY, DKG.Nodes.premise, Node.ANY).toList().size(),
                     jsonld.find(Node.ANY, DKG.Nodes.premise, Node.ANY).toList().size());
    }

    @Test
    void aTripleThatIsNotInferredIsNotFound() {
        // Asserted in the article: it has no derivation.
        HttpResponse<String> asserted = SparqlClient.get(explain("s=" + enc(DKG.id("alaska-summit-2025")) + "&p="
            + enc(DKG.NS + "date") + "&o=" + enc(DATE)), "text/turtle");
        assertEquals(404, asserted.statusCode());
        assertTrue(asserted.body().contains("not inferred"), asserted.body());
    }

    @Test
    void aRequestThatNamesNoTripleIsABadRequestThatSaysWhy() {
        for ( String query : List.of("", "s=" + enc(POSITION) + "&p=" + enc(UNCHANGED),
                                     "s=not-an-iri&p=" + enc(UNCHANGED) + "&o=" + enc(DATE),
                                     "s=" + enc(POSITION) + "&p=" + enc(UNCHANGED) + "&o=" + enc("\"unterminated"),
                                     "triple=" + enc("<a> <b>")) ) {
            HttpResponse<String> response = SparqlClient.get(explain(query), "text/turtle");
            assertEquals(400, response.statusCode(), query + ": " + response.body());
            assertTrue(response.body().length() > 20, response.body());
        }
    }
}
