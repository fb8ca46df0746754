package org.diplomacykg.server.limits;

import static org.diplomacykg.SparqlClient.*;
import static org.diplomacykg.server.limits.LimitsFixture.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The result limit, here 10: a query whose result has more rows (SELECT) or triples
 * (CONSTRUCT, DESCRIBE) is 422 with a message saying to add LIMIT; up to the limit, every
 * format is whole and parses.
 */
class TestResultLimit {

    private static final int MAX = 10;
    private static final String ALL = "SELECT * { ?s ?p ?o }";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture().queryTimeout(Duration.ofSeconds(30))
        .limits(Limits.DEFAULTS.withMaxResults(MAX));

    @BeforeAll
    static void fixtureIsBiggerThanTheLimit() {
        assertTrue(kg.defaultGraphTriples() > MAX, "the fixture has more triples than the limit");
    }

    private static void assertTooMany(HttpResponse<String> response, String what) {
        assertRefused(422, response, "more than " + MAX + " " + what, "LIMIT", "--max-results");
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
    void aSelectOfExactlyTheLimitIsWholeInEveryFormat(String accept, Lang lang) {
        HttpResponse<String> response = postQuery(kg.sparqlUrl(), ALL + " LIMIT " + MAX, accept);
        requireOk(response);
        assertEquals(accept, mediaType(response));
        assertEquals(MAX, parseResults(response.body(), lang).size());
    }

    @ParameterizedTest(name = "SELECT as {0}")
    @MethodSource("selectFormats")
    void aSelectOverTheLimitIs422InEveryFormat(String accept, Lang lang) {
        assertTooMany(postQuery(kg.sparqlUrl(), ALL + " LIMIT " + (MAX + 1), accept), "rows");
    }

    @Test
    void aSelectOverTheLimitIs422ByGetAndByForm() {
        assertTooMany(getQuery(kg.sparqlUrl(), ALL, RESULTS_JSON), "rows");
        assertTooMany(postForm(kg.datasetUrl() + "/query", ALL, RESULTS_JSON), "rows");
        assertTooMany(postQuery(kg.datasetUrl(), ALL, RESULTS_JSON), "rows");
    }

    @Test
    void aCrossProductIsRefusedRatherThanStreamed() {
        // Billions of rows: refused at the eleventh, long before the timeout.
        assertTooMany(postQuery(kg.sparqlUrl(), "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }", RESULTS_JSON), "rows");
    }

    @Test
    void aConstructOverTheLimitIs422() {
        assertTooMany(postQuery(kg.sparqlUrl(), "CONSTRUCT WHERE { ?s ?p ?o }", TURTLE), "triples");
        HttpResponse<String> limited = postQuery(kg.sparqlUrl(), "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT " + MAX, TURTLE);
        requireOk(limited);
        assertEquals(MAX, parseGraph(limited.body(), Lang.TURTLE).size());
    }

    @Test
    void aConstructCountsDistinctTriples() {
        // Hundreds of rows, one triple.
        HttpResponse<String> response = postQuery(kg.sparqlUrl(),
            "CONSTRUCT { <https://example.org/s> <https://example.org/p> <https://example.org/o> } WHERE { ?a ?b ?c . ?d ?e ?f }", TURTLE);
        requireOk(response);
        Graph graph = parseGraph(response.body(), Lang.TURTLE);
        assertEquals(1, graph.size());
    }

    @Test
    void aDescribeOverTheLimitIs422() {
        assertTooMany(postQuery(kg.sparqlUrl(), "DESCRIBE ?s WHERE { ?s ?p ?o }", TURTLE), "triples");
        HttpResponse<String> one = postQuery(kg.sparqlUrl(), "DESCRIBE <https://w3id.org/diplomacy-kg/id/marco-rubio>", TURTLE);
        requireOk(one);
        assertTrue(parseGraph(one.body(), Lang.TURTLE).size() > 0);
    }

    @Test
    void askAndAggregatesAreUnaffected() {
        assertTrue(ask(kg.sparqlUrl(), "ASK { ?a ?b ?c . ?d ?e ?f }"));
        assertEquals(kg.defaultGraphTriples(), select(kg.sparqlUrl(), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").next().getLiteral("n").getLong());
    }

    @Test
    void theServerAnswersAfterARefusal() {
        aCrossProductIsRefusedRatherThanStreamed();
        assertEquals(2, select(kg.sparqlUrl(),
            "SELECT ?who { <https://w3id.org/diplomacy-kg/id/test-call> <https://w3id.org/diplomacy-kg/ontology#participant> ?who }").size());
    }
}
