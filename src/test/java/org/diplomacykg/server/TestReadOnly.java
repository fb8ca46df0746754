package org.diplomacykg.server;

import static org.diplomacykg.SparqlClient.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Without a password file the server is read-only: no request that writes succeeds or changes anything. */
class TestReadOnly {

    private static final String INSERT = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }";
    private static final String TRIPLE = "<urn:x:s> <urn:x:p> <urn:x:o> .";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture();

    static Stream<Arguments> writeAttempts() {
        return Stream.of(
            Arguments.of("POST", "/update", FORM, "update=" + encode(INSERT)),
            Arguments.of("POST", "/update", SPARQL_UPDATE, INSERT),
            Arguments.of("POST", "", SPARQL_UPDATE, INSERT),
            Arguments.of("POST", "", FORM, "update=" + encode(INSERT)),
            Arguments.of("POST", "/sparql", FORM, "update=" + encode(INSERT)),
            Arguments.of("POST", "/sparql", SPARQL_UPDATE, INSERT),
            Arguments.of("POST", "/data?default", TURTLE, TRIPLE),
            Arguments.of("PUT", "/data?default", TURTLE, TRIPLE),
            Arguments.of("DELETE", "/data?default", TURTLE, ""),
            Arguments.of("POST", "/get?default", TURTLE, TRIPLE),
            Arguments.of("PUT", "/get?default", TURTLE, TRIPLE),
            Arguments.of("DELETE", "/get?default", TURTLE, ""),
            Arguments.of("PUT", "", "application/n-quads", TRIPLE));
    }

    @ParameterizedTest(name = "{0} /kg{1} ({2})")
    @MethodSource("writeAttempts")
    void writeIsRefusedAndChangesNothing(String method, String path, String contentType, String body) {
        long before = tripleCount();
        // A fresh client: Jetty closes a connection whose request body it refused unread,
        // and a pooled connection would then fail the next request of the test.
        HttpResponse<String> response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(kg.datasetUrl() + path))
            .header("Content-Type", contentType)
            .method(method, BodyPublishers.ofString(body)));
        int status = response.statusCode();
        assertFalse(status >= 200 && status < 300, () -> method + " " + path + " answered " + status);
        assertEquals(before, tripleCount());
    }

    private static long tripleCount() {
        return select(kg.sparqlUrl(), "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
            .next().getLiteral("n").getLong();
    }
}
