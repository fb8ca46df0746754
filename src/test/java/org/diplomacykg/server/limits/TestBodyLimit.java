package org.diplomacykg.server.limits;

import static org.diplomacykg.server.limits.LimitsFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The request body limit, here 64 KB: a body over it is 413 with a message naming the limit,
 * whether its size was declared (Content-Length) or not (chunked), and whether it came as a
 * form or compressed; a refused write changes nothing; the server answers the next request.
 */
@Timeout(120)
class TestBodyLimit {

    private static final long LIMIT = 64 * 1024;
    private static final Limits LIMITS = Limits.DEFAULTS.withMaxBodyBytes(LIMIT);
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture().queryTimeout(Duration.ofSeconds(30)).limits(LIMITS);
    @RegisterExtension
    static final KgServerExtension writable = KgServerExtension.project().writable(USER + ": " + PASSWORD + "\n").limits(LIMITS);

    private static HttpResponse<String> query(TestServers.Running server, java.net.http.HttpRequest.BodyPublisher body) {
        return send(request(server, "/kg/sparql").header("Content-Type", SparqlClient.SPARQL_QUERY)
                                                 .header("Accept", SparqlClient.RESULTS_JSON).POST(body));
    }

    private static HttpResponse<String> form(java.net.http.HttpRequest.BodyPublisher body) {
        return send(request(kg.running(), "/kg/sparql").header("Content-Type", SparqlClient.FORM)
                                             .header("Accept", SparqlClient.RESULTS_JSON).POST(body));
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertRefused(413, response, "64 KB", "--max-body");
    }

    private static void assertStillServing(TestServers.Running server) {
        assertEquals(server.defaultGraphTriples(),
            SparqlClient.select(server.sparqlUrl(), COUNT).next().getLiteral("n").getLong(), "the server still answers");
    }

    // ---- Queries

    @Test
    void aQueryOfExactlyTheLimitIsAnswered() {
        HttpResponse<String> sized = query(kg.running(), sized(padded(COUNT, LIMIT)));
        assertEquals(200, sized.statusCode(), sized::body);
        HttpResponse<String> chunked = query(kg.running(), chunked(padded(COUNT, LIMIT)));
        assertEquals(200, chunked.statusCode(), chunked::body);
    }

    @Test
    void aQueryOneByteOverTheLimitWithContentLengthIs413() {
        assertTooLarge(query(kg.running(), sized(padded(COUNT, LIMIT + 1))));
        assertStillServing(kg.running());
    }

    @Test
    void aChunkedQueryOneByteOverTheLimitIs413() {
        // No Content-Length: only counting the bytes as they are read finds it.
        assertTooLarge(query(kg.running(), chunked(padded(COUNT, LIMIT + 1))));
        assertStillServing(kg.running());
    }

    @Test
    void aBodyFarOverTheLimitIsStill413ForAClientThatSendsItAllFirst() {
        // 20 MB: the client is still sending when the answer is ready.
        String huge = padded(COUNT, 20L * 1024 * 1024);
        assertTooLarge(query(kg.running(), sized(huge)));
        assertTooLarge(query(kg.running(), chunked(huge)));
        assertStillServing(kg.running());
    }

    @Test
    void aFormOverTheLimitIs413() {
        String field = "query=" + SparqlClient.encode(COUNT) + "%23";
        assertEquals(200, form(sized(field + "x".repeat((int) (LIMIT - field.length())))).statusCode(), "a form of the limit");
        String over = field + "x".repeat((int) (LIMIT + 1 - field.length()));
        assertTooLarge(form(sized(over)));
        assertTooLarge(form(chunked(over)));
        assertStillServing(kg.running());
    }

    @Test
    void aCompressedBodyCountsAsDecompressed() {
        // 20 MB of query that compresses to a few KB: the limit is on what the server must hold.
        byte[] bomb = gzip(padded(COUNT, 20L * 1024 * 1024));
        assertFalse(bomb.length > LIMIT, "compressed, it is under the limit");
        assertTooLarge(send(request(kg.running(), "/kg/sparql").header("Content-Type", SparqlClient.SPARQL_QUERY)
                                                     .header("Content-Encoding", "gzip")
                                                     .POST(BodyPublishers.ofByteArray(bomb))));
        HttpResponse<String> small = send(request(kg.running(), "/kg/sparql").header("Content-Type", SparqlClient.SPARQL_QUERY)
                                                                   .header("Content-Encoding", "gzip")
                                                                   .header("Accept", SparqlClient.RESULTS_JSON)
                                                                   .POST(BodyPublishers.ofByteArray(gzip(COUNT))));
        assertEquals(200, small.statusCode(), small::body);
        assertStillServing(kg.running());
    }

    @Test
    void aBodyThatIsNotTheGzipItClaimsIs400() {
        HttpResponse<String> response = send(request(kg.running(), "/kg/sparql").header("Content-Type", SparqlClient.SPARQL_QUERY)
                                                                       .header("Content-Encoding", "gzip")
                                                                       .POST(sized(COUNT)));
        assertRefused(400, response, "gzip");
    }

    // ---- Writes: refused before anything of them is kept.

    @Test
    void anUpdateOverTheLimitIs413AndChangesNothing() {
        Set<Quad> before = dump(writable.running());
        // The data comes first: a server that ran the update while reading it would have inserted it.
        assertTooLarge(update(writable.running(), sized(padded(REVISION, LIMIT + 1))));
        assertTooLarge(update(writable.running(), chunked(padded(REVISION, LIMIT + 1))));
        assertSameData(before, dump(writable.running()));
        assertStillServing(writable.running());
    }

    @Test
    void graphStoreDataOverTheLimitIs413AndChangesNothing() {
        // Valid Turtle throughout, so a parser streaming it into the graph would add triples before the limit.
        StringBuilder turtle = new StringBuilder("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n");
        for ( int i = 0; turtle.length() <= LIMIT; i++ )
            turtle.append("<https://w3id.org/diplomacy-kg/id/limits-").append(i).append("> rdfs:label \"label ").append(i).append("\" .\n");
        Set<Quad> before = dump(writable.running());
        String url = "/kg/data?graph=" + SparqlClient.encode(SOURCE);
        assertTooLarge(send(authorised(writable.running(), url).header("Content-Type", "text/turtle").POST(chunked(turtle.toString()))));
        assertTooLarge(send(authorised(writable.running(), url).header("Content-Type", "text/turtle").PUT(sized(turtle.toString()))));
        assertSameData(before, dump(writable.running()));
        assertStillServing(writable.running());
    }

    @Test
    void anArticleOverTheLimitIs413AndChangesNothing() {
        String json = "{\"text\": \"" + "Lavrov and Rubio spoke. ".repeat((int) (LIMIT / 20)) + "\", \"facts\": \"\"}";
        Set<Quad> before = dump(writable.running());
        assertTooLarge(send(authorised(writable.running(), "/kg/articles/limits-article").header("Content-Type", "application/json")
                                                                               .PUT(chunked(json))));
        assertTooLarge(send(authorised(writable.running(), "/kg/articles/limits-article").header("Content-Type", "application/json")
                                                                               .PUT(sized(json))));
        assertSameData(before, dump(writable.running()));
    }

    @Test
    void aWriteWithinTheLimitStillGoesThrough() {
        // After refused bodies, the write lock is free and the next write commits.
        anUpdateOverTheLimitIs413AndChangesNothing();
        HttpResponse<String> response = update(writable.running(), chunked(REVISION));
        assertEquals(204, response.statusCode(), response::body);
        assertEquals(true, SparqlClient.ask(writable.sparqlUrl(), HAS_REVISION));
    }
}
