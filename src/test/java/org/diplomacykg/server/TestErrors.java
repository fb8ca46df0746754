package org.diplomacykg.server;

import static org.diplomacykg.SparqlClient.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Errors are 4xx with a message a person can act on, never a stack trace. */
class TestErrors {

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture();

    @Test
    void malformedQueryIs400WithLineAndColumn() {
        HttpResponse<String> response = postQuery(kg.sparqlUrl(), "SELECT * WHERE {\n  ?s ?p }", RESULTS_JSON);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("line 2, column 9"), response.body());
        assertNoStackTrace(response);
    }

    @Test
    void malformedQueryByGetIs400WithLineAndColumn() {
        HttpResponse<String> response = getQuery(kg.sparqlUrl(), "SELEKT * { ?s ?p ?o }", RESULTS_JSON);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("line 1, column 7"), response.body());
        assertNoStackTrace(response);
    }

    @Test
    void getWithoutQueryIsAClientError() {
        HttpResponse<String> response = get(kg.sparqlUrl(), RESULTS_JSON);
        assertEquals(4, response.statusCode() / 100, response::body);
        assertNoStackTrace(response);
    }

    @Test
    void unknownPathIs404() {
        HttpResponse<String> response = get(kg.baseUrl() + "/no/such/thing", "*/*");
        assertEquals(404, response.statusCode());
        assertNoStackTrace(response);
    }

    private static void assertNoStackTrace(HttpResponse<String> response) {
        String body = response.body();
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("at org."), body);
    }
}
