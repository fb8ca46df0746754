package org.diplomacykg.server;

import static org.diplomacykg.SparqlClient.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPARQL queries on every query endpoint, with every request style and result format. */
class TestQueryEndpoints {

    private static final String PREFIXES = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        """;
    private static final String SELECT_PARTICIPANTS =
        PREFIXES + "SELECT ?who { id:test-call dkg:participant ?who } ORDER BY ?who";
    private static final String CONSTRUCT_PARTICIPANTS =
        PREFIXES + "CONSTRUCT { id:test-call dkg:participant ?who } WHERE { id:test-call dkg:participant ?who }";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture();

    /**
     * A result many times the response buffer arrives whole (sent in chunks once the buffer
     * fills), and the buffer is one Jetty keeps in its pool: Fuseki's own 5 MB buffer was
     * allocated afresh for every response, which cost more than most queries.
     */
    @Test
    void aResultLargerThanTheResponseBufferArrivesWhole() {
        for ( Connector connector : kg.server().getJettyServer().getConnectors() )
            assertEquals(KgServer.RESPONSE_BUFFER_BYTES, connector.getConnectionFactory(HttpConnectionFactory.class)
                                                                  .getHttpConfiguration().getOutputBufferSize());
        // 5,000 rows of a three-way cross product (the fixture's default graph is small now that
        // it holds no explanations), each padded by 200 characters: over ten buffers whatever
        // triples come first.
        String manyRows = "SELECT * { ?s ?p ?o . ?s2 ?p2 ?o2 . ?s3 ?p3 ?o3 BIND(CONCAT(" + "\"xxxxxxxxxx\", ".repeat(19) + "\"xxxxxxxxxx\") AS ?pad) } LIMIT 5000";
        HttpResponse<String> response = getQuery(kg.sparqlUrl(), manyRows, RESULTS_JSON);
        requireOk(response);
        assertTrue(response.body().length() > 10 * KgServer.RESPONSE_BUFFER_BYTES, "the result outgrows the buffer");
        assertEquals(5000, parseResults(response.body(), ResultSetLang.RS_JSON).size());
    }

    static Stream<Arguments> endpointsAndMethods() {
        return Stream.of("/sparql", "/query", "").flatMap(endpoint ->
            Stream.of("GET", "POST-form", "POST-query").map(method -> Arguments.of(endpoint, method)));
    }

    @ParameterizedTest(name = "{1} /kg{0}")
    @MethodSource("endpointsAndMethods")
    void selectOnEveryEndpointAndMethod(String endpoint, String method) {
        String url = kg.datasetUrl() + endpoint;
        HttpResponse<String> response = switch (method) {
            case "GET" -> getQuery(url, SELECT_PARTICIPANTS, RESULTS_JSON);
            case "POST-form" -> postForm(url, SELECT_PARTICIPANTS, RESULTS_JSON);
            default -> postQuery(url, SELECT_PARTICIPANTS, RESULTS_JSON);
        };
        requireOk(response);
        assertEquals(RESULTS_JSON, mediaType(response));
        ResultSetRewindable rows = parseResults(response.body(), ResultSetLang.RS_JSON);
        assertEquals(2, rows.size());
        assertEquals("https://w3id.org/diplomacy-kg/id/marco-rubio",
                     rows.next().getResource("who").getURI());
    }

    static Stream<Arguments> selectFormats() {
        return Stream.of(
            Arguments.of(RESULTS_JSON, ResultSetLang.RS_JSON),
            Arguments.of(RESULTS_XML, ResultSetLang.RS_XML),
            Arguments.of("text/csv", ResultSetLang.RS_CSV),
            Arguments.of("text/tab-separated-values", ResultSetLang.RS_TSV));
    }

    @ParameterizedTest(name = "SELECT as {0}")
    @MethodSource("selectFormats")
    void selectResultFormats(String accept, Lang lang) {
        HttpResponse<String> response = postQuery(kg.sparqlUrl(), SELECT_PARTICIPANTS, accept);
        requireOk(response);
        assertEquals(accept, mediaType(response));
        assertEquals(2, parseResults(response.body(), lang).size());
    }

    static Stream<Arguments> graphFormats() {
        return Stream.of(
            Arguments.of(TURTLE, Lang.TURTLE),
            Arguments.of("application/ld+json", Lang.JSONLD),
            Arguments.of("application/n-triples", Lang.NTRIPLES),
            Arguments.of("application/rdf+xml", Lang.RDFXML));
    }

    @ParameterizedTest(name = "CONSTRUCT as {0}")
    @MethodSource("graphFormats")
    void constructResultFormats(String accept, Lang lang) {
        HttpResponse<String> response = postQuery(kg.sparqlUrl(), CONSTRUCT_PARTICIPANTS, accept);
        requireOk(response);
        assertEquals(accept, mediaType(response));
        Graph graph = parseGraph(response.body(), lang);
        assertEquals(2, graph.size());
    }

    @Test
    void askAnswersTrueAndFalse() {
        assertTrue(SparqlClient.ask(kg.sparqlUrl(), PREFIXES + "ASK { id:test-call a dkg:Meeting }"));
        assertEquals(false, SparqlClient.ask(kg.sparqlUrl(), PREFIXES + "ASK { id:test-call a dkg:Person }"));
    }

    @ParameterizedTest(name = "GET with Accept {0}")
    @ValueSource(strings = { RESULTS_XML, "text/csv" })
    void getNegotiatesByAcceptHeader(String accept) {
        HttpResponse<String> response = getQuery(kg.sparqlUrl(), SELECT_PARTICIPANTS, accept);
        requireOk(response);
        assertEquals(accept, mediaType(response));
    }
}
