package org.diplomacykg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page on another origin may send authenticated writes only when the operator allows that
 * origin ({@code serve --cors-origin}); reads stay open to any origin.
 */
class TestWriteCors {

    private static final String ALLOWED = "https://app.example.org";
    private static final String OTHER = "https://elsewhere.example";
    private static final String AUTH = "Basic " + Base64.getEncoder()
        .encodeToString("alice:correct horse battery staple".getBytes(StandardCharsets.UTF_8));
    private static final List<String> WRITE_PATHS = List.of("/kg/update", "/kg/data", "/kg/articles/some-article");

    private static final String WRITERS = "alice: correct horse battery staple\n";

    /** Allows {@link #ALLOWED}. */
    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture().writable(WRITERS).corsOrigins(ALLOWED + "/");
    /** Allows no origin. */
    @RegisterExtension
    static final KgServerExtension plain = KgServerExtension.fixture().writable(WRITERS);

    @Test
    void preflightFromAnAllowedOriginIsAnsweredWithoutCredentials() {
        for ( String path : WRITE_PATHS ) {
            HttpResponse<String> response = preflight(kg, path, ALLOWED, "PUT");
            assertEquals(204, response.statusCode(), path + ": " + response.body());
            assertEquals(ALLOWED, header(response, "Access-Control-Allow-Origin"), path);
            assertEquals("true", header(response, "Access-Control-Allow-Credentials"), path);
            String headers = header(response, "Access-Control-Allow-Headers").toLowerCase();
            assertTrue(headers.contains("authorization") && headers.contains("content-type"), path + ": " + headers);
            String methods = header(response, "Access-Control-Allow-Methods");
            for ( String method : List.of("POST", "PUT", "DELETE") )
                assertTrue(methods.contains(method), path + ": " + methods);
        }
    }

    @Test
    void anAllowedOriginWritesWithCredentialsAndMayReadTheAnswer() {
        HttpResponse<String> response = send(update(kg, "allowed").header("Origin", ALLOWED).header("Authorization", AUTH));
        assertEquals(204, response.statusCode(), response.body());
        // One value each: a browser refuses an answer with two.
        assertEquals(List.of(ALLOWED), response.headers().allValues("Access-Control-Allow-Origin"));
        assertEquals(List.of("true"), response.headers().allValues("Access-Control-Allow-Credentials"));
        assertTrue(hasLabel(kg, "allowed"));
    }

    @Test
    void anotherOriginCannotWriteEvenWithCredentials() {
        for ( KgServerExtension server : List.of(kg, plain) ) {
            HttpResponse<String> preflight = preflight(server, "/kg/update", OTHER, "POST");
            assertEquals(403, preflight.statusCode());
            assertEquals("", header(preflight, "Access-Control-Allow-Origin"));

            HttpResponse<String> write = send(update(server, "other").header("Origin", OTHER).header("Authorization", AUTH));
            assertEquals(403, write.statusCode());
            assertTrue(write.body().contains("--cors-origin " + OTHER), write.body());
            assertEquals("", header(write, "Access-Control-Allow-Origin"));
            assertFalse(hasLabel(server, "other"), "nothing written");
        }
        // The allowed origin of one server is any other origin to a server that allows none.
        assertEquals(403, preflight(plain, "/kg/update", ALLOWED, "POST").statusCode());
    }

    @Test
    void clientsThatAreNotPagesAndTheServersOwnPagesWriteAsBefore() {
        assertEquals(204, send(update(kg, "no-origin").header("Authorization", AUTH)).statusCode());
        assertEquals(204, send(update(plain, "same-origin").header("Origin", plain.baseUrl()).header("Authorization", AUTH)).statusCode());
        assertTrue(hasLabel(kg, "no-origin"));
        assertTrue(hasLabel(plain, "same-origin"));
    }

    @Test
    void readsStayOpenToAnyOrigin() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(plain.sparqlUrl() + "?query=ASK%7B%7D"))
            .header("Origin", OTHER).header("Accept", "application/sparql-results+json"));
        assertEquals(200, response.statusCode());
        assertEquals(OTHER, header(response, "Access-Control-Allow-Origin"));
    }

    private static HttpRequest.Builder update(KgServerExtension server, String label) {
        String update = "INSERT DATA { GRAPH <" + Graphs.REFERENCE + "> { <https://w3id.org/diplomacy-kg/id/cors-test> "
            + "<http://www.w3.org/2000/01/rdf-schema#comment> \"" + label + "\" } }";
        return HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/update"))
            .header("Content-Type", "application/sparql-update")
            .POST(HttpRequest.BodyPublishers.ofString(update));
    }

    private static boolean hasLabel(KgServerExtension server, String label) {
        return Txn.calculateRead(server.dataset(), () -> server.dataset().asDatasetGraph().contains(
            Graphs.Nodes.REFERENCE, NodeFactory.createURI("https://w3id.org/diplomacy-kg/id/cors-test"),
            NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#comment"), NodeFactory.createLiteralString(label)));
    }

    private static HttpResponse<String> preflight(KgServerExtension server, String path, String origin, String method) {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", "authorization, content-type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** A fresh client per request: Jetty may close a connection after refusing one. */
    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
