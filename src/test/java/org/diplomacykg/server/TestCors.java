package org.diplomacykg.server;

import static org.diplomacykg.SparqlClient.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Browsers (notebooks, web pages on other origins) may query the server. */
class TestCors {

    private static final String ORIGIN = "http://notebook.example";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture();

    @Test
    void crossOriginQueryIsAllowed() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                URI.create(kg.sparqlUrl() + "?query=" + encode("ASK {}")))
            .header("Origin", ORIGIN)
            .header("Accept", RESULTS_JSON)
            .GET());
        requireOk(response);
        assertEquals(ORIGIN, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void preflightForPostIsAnswered() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(kg.sparqlUrl()))
            .header("Origin", ORIGIN)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "Content-Type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, response.statusCode());
        assertEquals(ORIGIN, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        String methods = response.headers().firstValue("Access-Control-Allow-Methods").orElse("");
        assertTrue(methods.contains("POST"), methods);
        String headers = response.headers().firstValue("Access-Control-Allow-Headers").orElse("");
        assertTrue(headers.toLowerCase().contains("content-type"), headers);
    }
}
