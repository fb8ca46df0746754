package org.diplomacykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SPARQL default graph is the union of the named graphs but the explanations graph: facts,
 * asserted and inferred, not the bookkeeping of derivations. GRAPH tells the graphs apart and
 * reaches the explanations.
 */
class TestUnionDefaultGraph {

    private static final String PREFIXES = """
        PREFIX dkg:  <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:   <https://w3id.org/diplomacy-kg/id/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture();

    @Test
    void plainQuerySeesTriplesFromEveryNamedGraph() {
        // The meeting is only in the article graph, the label only in the reference graph,
        // the class hierarchy only in the ontology graph: one pattern joins all three.
        ResultSetRewindable rows = SparqlClient.select(kg.sparqlUrl(), PREFIXES + """
            SELECT ?name {
              id:test-call a dkg:Meeting ; dkg:participant ?who .
              ?who a ?cls ; rdfs:label ?name .
              ?cls rdfs:subClassOf dkg:Person .
            } ORDER BY ?name""");
        assertEquals(List.of("Marco Rubio", "Sergey Lavrov"), strings(rows, "name"));
    }

    @Test
    void defaultGraphCountIsTheSumOfTheNamedGraphsButTheExplanations() {
        long union = count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
        long named = count("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
        long explanations = count("SELECT (COUNT(*) AS ?n) { GRAPH <" + Graphs.EXPLANATIONS + "> { ?s ?p ?o } }");
        long audit = count("SELECT (COUNT(*) AS ?n) { GRAPH <" + Graphs.AUDIT + "> { ?s ?p ?o } }");
        assertEquals(kg.namedGraphTriples(), named);
        assertTrue(explanations > 0 && audit > 0);
        assertEquals(named - explanations - audit, union);
        assertTrue(count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"https://w3id.org/diplomacy-kg/derivation/\")) }") == 0,
                   "no derivation in the default graph");
    }

    @Test
    void theGraphStoresDefaultGraphIsTheSparqlDefaultGraph() {
        HttpResponse<String> response = SparqlClient.get(kg.datasetUrl() + "/get?default", "application/n-triples");
        assertEquals(200, response.statusCode());
        Graph dump = GraphFactory.createDefaultGraph();
        RDFParser.fromString(response.body(), Lang.NTRIPLES).parse(dump);
        assertEquals(count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), dump.size());
        assertFalse(dump.contains(Node.ANY, DKG.Nodes.conclusion, Node.ANY));
    }

    @Test
    void graphClauseTellsGraphsApart() {
        ResultSetRewindable rows = SparqlClient.select(kg.sparqlUrl(), PREFIXES
            + "SELECT ?g { GRAPH ?g { id:test-call a dkg:Meeting } }");
        assertEquals(List.of(Graphs.sourceGraph("test-article")), strings(rows, "g"));

        rows = SparqlClient.select(kg.sparqlUrl(), "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g");
        assertEquals(List.of(Graphs.AUDIT, Graphs.EXPLANATIONS, Graphs.INFERRED, Graphs.ONTOLOGY, Graphs.REFERENCE,
                             Graphs.sourceGraph("test-article")),
                     strings(rows, "g"));
    }

    private long count(String query) {
        return SparqlClient.select(kg.sparqlUrl(), query).next().getLiteral("n").getLong();
    }

    private static List<String> strings(ResultSetRewindable rows, String var) {
        List<String> values = new ArrayList<>();
        rows.forEachRemaining(row -> values.add(row.get(var).isLiteral()
            ? row.getLiteral(var).getLexicalForm()
            : row.getResource(var).getURI()));
        return values;
    }
}
