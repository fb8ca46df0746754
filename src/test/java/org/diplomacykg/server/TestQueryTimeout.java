package org.diplomacykg.server;

import static org.diplomacykg.SparqlClient.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.jena.riot.resultset.ResultSetLang;
import org.diplomacykg.Fixtures;
import org.diplomacykg.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A query that runs past the timeout is cancelled. An eight-fold cross product of the
 * 20-triple fixture is 2.5 * 10^10 rows: far more than one second of work on any machine.
 */
class TestQueryTimeout {

    private static final String CROSS_PRODUCT =
        "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o . ?p ?q ?r . ?s ?t ?u . ?v ?w ?x }";

    private static TestServers.Running kg;

    @BeforeAll
    static void start() {
        kg = TestServers.start(Fixtures.path("kg/ontology"), Fixtures.path("kg/data"), Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() {
        if ( kg != null )
            kg.close();
    }

    @Test
    void aggregateQueryTimesOutWith503() {
        // Nothing is streamed before the count is known, so the status can still say so.
        HttpResponse<String> response = postQuery(kg.sparqlUrl(), "SELECT (COUNT(*) AS ?n) " + CROSS_PRODUCT, RESULTS_JSON);
        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("Query timed out"), response.body());
    }

    @Test
    void streamingQueryTimesOutWithAnIncompleteBody() {
        // Rows are already on the wire when the timeout fires: the status is 200, but the
        // body ends with Fuseki's "Query cancelled" note and no longer parses as results.
        HttpResponse<String> response = postQuery(kg.sparqlUrl(), "SELECT * " + CROSS_PRODUCT, RESULTS_JSON);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Query cancelled due to timeout"));
        assertThrows(RuntimeException.class, () -> parseResults(response.body(), ResultSetLang.RS_JSON));
    }

    @Test
    void quickQueryIsUnaffected() {
        assertEquals(kg.namedGraphTriples(), select(kg.sparqlUrl(), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
            .next().getLiteral("n").getLong());
    }
}
