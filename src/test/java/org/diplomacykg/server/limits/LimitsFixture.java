package org.diplomacykg.server.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.TestServers;

/** Servers with small limits, and the requests the limit tests send. */
final class LimitsFixture {

    static final String USER = "alice";
    static final String PASSWORD = "correct horse battery staple";

    static final String PREFIXES = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        PREFIX oa:  <http://www.w3.org/ns/oa#>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;
    static final String SOURCE = "https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10";

    /**
     * A revision of Russia's position with evidence quoting the article: it passes every check
     * of the write gate and moves the inferred {@code dkg:unchangedSince} of the position.
     */
    static final String REVISION_TRIPLES = """
        id:statement-limits-revision a dkg:Statement ;
            dkg:attributedTo id:sergey-lavrov ;
            dkg:revises id:russia-position-on-ukraine ;
            dkg:date "2025-09-10T00:00:00"^^xsd:dateTime ;
            dkg:evidence [ a oa:TextQuoteSelector ;
                           oa:exact "Menteri Luar Negeri Rusia Sergey Lavrov" ;
                           dkg:inArticle id:article-lavrov-rubio-2025-10 ] .
        """;
    static final String REVISION = PREFIXES + "INSERT DATA { GRAPH <" + SOURCE + "> {\n" + REVISION_TRIPLES + "} }";
    static final String HAS_REVISION = PREFIXES + "ASK { id:statement-limits-revision ?p ?o }";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    static HttpRequest.Builder request(TestServers.Running kg, String path) {
        return HttpRequest.newBuilder(URI.create(kg.baseUrl() + path));
    }

    static HttpRequest.Builder authorised(TestServers.Running kg, String path) {
        String credentials = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return request(kg, path).header("Authorization", "Basic " + credentials);
    }

    /** Sends on a fresh connection: a refused body closes the one it came on. */
    static HttpResponse<String> send(HttpRequest.Builder request) {
        return SparqlClient.send(CLIENT, request);
    }

    /** A body with a Content-Length. */
    static BodyPublisher sized(String body) {
        return BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    /** A body of unknown length: the client sends it chunked, without Content-Length. */
    static BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try ( GZIPOutputStream out = new GZIPOutputStream(bytes) ) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** {@code text} followed by a comment that makes it exactly {@code bytes} long in UTF-8 (ASCII text). */
    static String padded(String text, long bytes) {
        String start = text + "\n#";
        assertTrue(start.length() <= bytes, "the text fits");
        return start + "x".repeat((int) (bytes - start.length()));
    }

    static HttpResponse<String> update(TestServers.Running kg, BodyPublisher body) {
        return send(authorised(kg, "/kg/update").header("Content-Type", SparqlClient.SPARQL_UPDATE).POST(body));
    }

    /** Every quad of the dataset, asserted and derived. */
    static Set<Quad> dump(TestServers.Running kg) {
        DatasetGraph dsg = kg.dataset().asDatasetGraph();
        return Txn.calculateRead(dsg, () -> new HashSet<>(Iter.toList(dsg.find())));
    }

    static void assertSameData(Set<Quad> before, Set<Quad> after) {
        Set<Quad> added = new HashSet<>(after);
        added.removeAll(before);
        Set<Quad> removed = new HashSet<>(before);
        removed.removeAll(after);
        assertEquals(Set.of(), added, "quads added");
        assertEquals(Set.of(), removed, "quads removed");
    }

    /** A status and a message, not a stack trace. */
    static void assertRefused(int status, HttpResponse<String> response, String... phrases) {
        assertEquals(status, response.statusCode(), response::body);
        assertTrue(SparqlClient.mediaType(response).equals("text/plain"), () -> "plain text: " + response.headers());
        for ( String phrase : phrases )
            assertTrue(response.body().contains(phrase), () -> "'" + phrase + "' in: " + response.body());
        assertTrue(!response.body().contains("\tat ") && !response.body().contains("Exception"), response::body);
    }

    private LimitsFixture() {}
}
