package org.diplomacykg.server;

import static org.diplomacykg.SparqlClient.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query that runs past the timeout is cancelled and answered 503 with a message, whatever
 * its kind, also a SELECT whose first rows came at once. An eight-fold cross product of the
 * 20-triple fixture is 2.5 * 10^10 rows: far more than one second of work on any machine.
 */
class TestQueryTimeout {

    private static final String CROSS_PRODUCT =
        "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r . ?s ?t ?u . ?v ?w ?x }";

    /**
     * A row at once, then a search that never finds one: Fuseki streams the first row, so the
     * status used to be 200 already when the timeout fired, and the body ended with
     * "## Query cancelled due to timeout ##" instead of closing.
     */
    private static final String FIRST_ROW_THEN_NOTHING = """
        SELECT * {
          { BIND("first" AS ?first) }
          UNION
          { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r . ?s ?t ?u . ?v ?w ?x
            FILTER(CONCAT(STR(?a), STR(?d), STR(?g), STR(?j), STR(?m), STR(?p), STR(?s), STR(?v)) = "never") }
        }""";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture().queryTimeout(Duration.ofSeconds(1));

    private static void assertTimedOut(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response::body);
        assertEquals("text/plain", mediaType(response));
        assertTrue(response.body().contains("Query timed out"), response::body);
        assertTrue(response.body().contains("1 s"), () -> "names the limit: " + response.body());
        assertTrue(response.body().contains("LIMIT"), () -> "says what to do: " + response.body());
    }

    @Test
    void aggregateQueryTimesOutWith503() {
        // Nothing is streamed before the count is known.
        assertTimedOut(postQuery(kg.sparqlUrl(), "SELECT (COUNT(*) AS ?n) " + CROSS_PRODUCT, RESULTS_JSON));
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = { RESULTS_JSON, RESULTS_XML, "text/csv", "text/tab-separated-values" })
    void aSelectWhoseRowsHadStartedTimesOutWith503(String accept) {
        HttpResponse<String> response = postQuery(kg.sparqlUrl(), FIRST_ROW_THEN_NOTHING, accept);
        assertTimedOut(response);
        assertFalse(response.body().contains("first"), "no row of the cut-off result");
        assertFalse(response.body().contains("Query cancelled due to timeout"), "no half-written result");
    }

    @Test
    void aConstructTimesOutWith503() {
        assertTimedOut(postQuery(kg.sparqlUrl(), "CONSTRUCT { ?a ?b ?x } WHERE { { BIND(1 AS ?x) BIND(<https://example.org/a> AS ?a) "
            + "BIND(<https://example.org/b> AS ?b) } UNION { " + CROSS_PRODUCT.substring(1, CROSS_PRODUCT.length() - 1)
            + " FILTER(CONCAT(STR(?a), STR(?d), STR(?g), STR(?j), STR(?m), STR(?p), STR(?s), STR(?v)) = \"never\") } }", TURTLE));
    }

    @Test
    void aGetQueryTimesOutWith503() {
        assertTimedOut(getQuery(kg.sparqlUrl(), FIRST_ROW_THEN_NOTHING, RESULTS_JSON));
    }

    @Test
    void quickQueryIsUnaffected() {
        aSelectWhoseRowsHadStartedTimesOutWith503(RESULTS_JSON);
        assertEquals(kg.defaultGraphTriples(), select(kg.sparqlUrl(), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
            .next().getLiteral("n").getLong());
    }
}
