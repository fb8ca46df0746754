package org.diplomacykg.server.write;

import static org.diplomacykg.server.write.WriteFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code multipart/form-data} upload to {@code /kg/data?graph=IRI}, as Fuseki's upload page,
 * HTML forms and {@code curl -F file=@facts.ttl} send it, is taken as Fuseki takes it, and
 * passes the same credentials and the same gate as a document sent as the body.
 */
class TestMultipartUpload {

    static final String BOUNDARY = "----diplomacy-kg-test-boundary";
    static final String UPLOADED = "https://example.org/uploaded";

    @RegisterExtension
    static final WriteFixture kg = WriteFixture.perClass();

    /** A multipart body with one part: a file named {@code filename} of type {@code type} (none if null), or a form field. */
    static String multipart(String disposition, String type, String content) {
        return "--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; " + disposition + "\r\n"
            + (type == null ? "" : "Content-Type: " + type + "\r\n")
            + "\r\n" + content + "\r\n"
            + "--" + BOUNDARY + "--\r\n";
    }

    static HttpRequest.Builder post(HttpRequest.Builder request, String body) {
        return request.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                      .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    static String dataPath(String graph) {
        return "/kg/data?graph=" + URLEncoder.encode(graph, StandardCharsets.UTF_8);
    }

    @Test
    void aTurtleFileIsAddedToTheNamedGraph() {
        HttpResponse<String> response = kg.send(post(kg.request(dataPath(UPLOADED)), multipart(
            "name=\"file\"; filename=\"facts.ttl\"", "text/turtle",
            "<https://example.org/a> <https://example.org/p> \"uploaded\" .")));
        assertEquals(2, response.statusCode() / 100, response::body);
        assertTrue(kg.ask("ASK { GRAPH <" + UPLOADED + "> { <https://example.org/a> <https://example.org/p> \"uploaded\" } }"));
    }

    @Test
    void theSyntaxComesFromTheFileNameWhenTheTypeSaysNothing() {
        HttpResponse<String> response = kg.send(post(kg.request(dataPath(UPLOADED)), multipart(
            "name=\"file\"; filename=\"facts.nt\"", "application/octet-stream",
            "<https://example.org/b> <https://example.org/p> \"by name\" .")));
        assertEquals(2, response.statusCode() / 100, response::body);
        assertTrue(kg.ask("ASK { GRAPH <" + UPLOADED + "> { <https://example.org/b> <https://example.org/p> \"by name\" } }"));
    }

    @Test
    void anArticleFileWithASpanNotInTheTextIsRefusedByTheGate() {
        Set<Quad> before = kg.dump();
        String facts = PREFIXES.replaceAll("PREFIX (\\S+) (<[^>]+>)", "@prefix $1 $2 .")
            + REVISION_TRIPLES.replace("Menteri Luar Negeri Rusia Sergey Lavrov", "Lavrov said nothing of the sort");
        HttpResponse<String> response = kg.send(post(kg.request(dataPath(SOURCE)), multipart(
            "name=\"file\"; filename=\"revision.ttl\"", "text/turtle", facts)));
        assertEquals(422, response.statusCode(), response::body);
        assertTrue(response.body().contains("Lavrov said nothing of the sort"), response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void withoutCredentialsItIs401AndChangesNothing() {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.send(post(kg.anonymous(dataPath(UPLOADED)), multipart(
            "name=\"file\"; filename=\"facts.ttl\"", "text/turtle",
            "<https://example.org/c> <https://example.org/p> \"anonymous\" .")));
        assertEquals(401, response.statusCode(), response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void aJsonLdFileNamingARemoteContextIsRefusedNotFetched() {
        HttpResponse<String> response = kg.send(post(kg.request(dataPath(UPLOADED)), multipart(
            "name=\"file\"; filename=\"facts.jsonld\"", "application/ld+json",
            "{\"@context\": \"http://localhost:1/context.jsonld\", \"@id\": \"https://example.org/d\", \"label\": \"x\"}")));
        assertEquals(400, response.statusCode(), response::body);
        assertTrue(response.body().contains("never fetches"), response::body);
    }

    @Test
    void aBrokenMultipartBodyIs400() {
        for ( String type : new String[] { "multipart/form-data", "multipart/form-data; boundary=" + BOUNDARY, "multipart/mixed; boundary=x" } ) {
            HttpResponse<String> response = kg.send(kg.request(dataPath(UPLOADED)).header("Content-Type", type)
                .POST(BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.ttl\"\r\n\r\n<a> <b>")));
            assertEquals(400, response.statusCode(), () -> type + ": " + response.body());
        }
        HttpResponse<String> empty = kg.send(kg.request(dataPath(UPLOADED))
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).POST(BodyPublishers.ofString("--" + BOUNDARY + "--\r\n")));
        assertEquals(400, empty.statusCode(), empty::body);
        assertTrue(empty.body().contains("no file"), empty::body);
    }

    @Test
    void aFormFieldIsRefused() {
        HttpResponse<String> response = kg.send(post(kg.request(dataPath(UPLOADED)), multipart(
            "name=\"comment\"", null, "not a file")));
        assertEquals(400, response.statusCode(), response::body);
        assertTrue(response.body().contains("files only"), response::body);
    }
}
