package org.diplomacykg.server.hostile;

import static org.diplomacykg.server.hostile.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes without credentials, with wrong or malformed ones, or aimed at the write endpoints by
 * another spelling of their path or through the dataset URL: each gets a 4xx (401 where the
 * login is what is missing), never a 2xx, and nothing changes.
 */
class TestHostileCredentials {

    @RegisterExtension
    static final Hostile kg = Hostile.writable();

    private static final String INSERT = "INSERT DATA { GRAPH <" + SCRATCH + "> { <https://w3id.org/diplomacy-kg/id/hostile-thing> "
                                         + "<http://www.w3.org/2000/01/rdf-schema#label> \"x\" } }";
    private static final String TURTLE = "<https://w3id.org/diplomacy-kg/id/hostile-thing> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .";
    private static final String ARTICLE = "{\"text\": \"Lavrov dan Rubio\", \"facts\": \"" + TURTLE.replace("\"", "\\\"") + "\"}";

    /** Authorization header values that must not let a write through. */
    private static List<String> badAuthorizations() {
        List<String> auth = new ArrayList<>(List.of(
            basic(USER, "wrong"), basic("mallory", PASSWORD), basic(USER, ""), basic("", PASSWORD), basic("", ""),
            basic(USER.toUpperCase(), PASSWORD), basic(USER, PASSWORD + " "), basic(USER, PASSWORD.toUpperCase()),
            basic(" " + USER, PASSWORD), basic(USER + "\u0000", PASSWORD), basic(USER, PASSWORD + "\u0000"),
            basic(USER + ":" + PASSWORD, ""), basic("#", ""), basic("# who may write", ""),
            "Basic", "Basic ", "Basic !!!!", "Basic =", "Basic " + "A".repeat(4000),
            "Basic " + Base64.getEncoder().encodeToString(USER.getBytes(StandardCharsets.UTF_8)),
            "Basic " + Base64.getEncoder().encodeToString(new byte[] { (byte) 0xFF, (byte) 0xFE, ':', (byte) 0xE9 }),
            "Bearer " + PASSWORD.replace(' ', '-'), "Digest username=\"alice\"", "basic" + basic(USER, "wrong").substring(5),
            "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)).replace("=", "")
                + "!"));
        return auth;
    }

    private static HttpResponse<String> write(String kind, HttpRequest.Builder request) {
        return switch ( kind ) {
            case "update" -> kg.send(request.header("Content-Type", SparqlClient.SPARQL_UPDATE).POST(BodyPublishers.ofString(INSERT)));
            case "put" -> kg.send(request.header("Content-Type", "text/turtle").PUT(BodyPublishers.ofString(TURTLE)));
            case "post" -> kg.send(request.header("Content-Type", "text/turtle").POST(BodyPublishers.ofString(TURTLE)));
            case "delete" -> kg.send(request.DELETE());
            case "article" -> kg.send(request.header("Content-Type", "application/json").PUT(BodyPublishers.ofString(ARTICLE)));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static String path(String kind) {
        return switch ( kind ) {
            case "update" -> "/kg/update";
            case "put", "post" -> dataPath(SCRATCH);
            case "delete" -> dataPath("https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10");
            case "article" -> "/kg/articles/hostile-article";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static final String[] KINDS = { "update", "put", "post", "delete", "article" };

    @Test
    void writesWithoutOrWithWrongCredentialsAre401AndChangeNothing() {
        Set<Quad> before = kg.dump();
        for ( String kind : KINDS ) {
            assertUnauthorized(write(kind, kg.anonymous(path(kind))));
            for ( String auth : badAuthorizations() )
                assertUnauthorized(write(kind, kg.anonymous(path(kind)).header("Authorization", auth)));
        }
        assertSameData(before, kg.dump(), "writes without valid credentials");
        kg.assertAlive();
    }

    @Test
    void wrongCredentialsBesideTheRightOnesAreNotAServerError() {
        // Which of two Authorization headers counts is the server's choice; it must not be a server error.
        HttpResponse<String> response = write("update", kg.anonymous(path("update"))
            .header("Authorization", basic(USER, "wrong")).header("Authorization", basic(USER, PASSWORD)));
        assertNotServerError(response);
        kg.assertAlive();
    }

    /** Other spellings of the write endpoints' paths, and the dataset URL itself, without credentials. */
    @Test
    void otherSpellingsOfTheWritePathsAreNotAWayAround() {
        Set<Quad> before = kg.dump();
        String graph = "?graph=" + encode(SCRATCH);
        List<String[]> attempts = new ArrayList<>();
        for ( String update : new String[] { "/kg/update/", "/kg//update", "/kg/update;x=y", "/kg/./update", "/kg/x/../update",
                                             "/kg/%75pdate", "/kg/update%2f", "/KG/update", "/kg/UPDATE", "//kg/update", "/kg/update?",
                                             "/kg/update%00", "/kg", "/kg/", "/kg/sparql", "/kg/query", "/kg/get", "/kg/%2e/update",
                                             "/kg/update/..;/update" } )
            attempts.add(new String[] { "POST", update, SparqlClient.SPARQL_UPDATE, INSERT });
        for ( String data : new String[] { "/kg/data/", "/kg//data", "/kg/data;x=y", "/kg/./data", "/kg/%64ata", "/KG/data", "/kg",
                                           "/kg/", "/kg/get", "/kg/sparql", "/kg/%2e/data", "//kg/data" } ) {
            attempts.add(new String[] { "PUT", data + graph, "text/turtle", TURTLE });
            attempts.add(new String[] { "POST", data + graph, "text/turtle", TURTLE });
            attempts.add(new String[] { "POST", data, "application/n-quads", TURTLE.replace(" .", " <" + SCRATCH + "> .") });
            attempts.add(new String[] { "DELETE", data + "?graph=" + encode("https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10"), null, "" });
        }
        for ( String article : new String[] { "/kg/articles/hostile-article/", "/kg//articles/hostile-article", "/kg/articles;x=y/hostile-article",
                                              "/kg/articles/./hostile-article", "/kg/%61rticles/hostile-article", "/KG/articles/hostile-article",
                                              "/kg/articles/x/../hostile-article", "/kg/articles%2fhostile-article" } )
            attempts.add(new String[] { "PUT", article, "application/json", ARTICLE });
        attempts.add(new String[] { "POST", "/kg", SparqlClient.FORM, "update=" + encode(INSERT) });
        attempts.add(new String[] { "POST", "/kg/sparql", SparqlClient.FORM, "update=" + encode(INSERT) });

        for ( String[] attempt : attempts ) {
            String headers = attempt[2] == null ? "" : "Content-Type: " + attempt[2] + "\r\n";
            Hostile.RawResponse response = kg.raw(attempt[0], attempt[1], headers, utf8(attempt[3]));
            String what = response.request() + " -> " + shorten(response.text(), 600);
            assertTrue(response.status() >= 400 && response.status() < 500, "expected a 4xx: " + what);
            assertNoStackTrace(response.text(), what);
            assertSameData(before, kg.dump(), what);
        }
        kg.assertAlive();
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), () -> show(response));
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), () -> show(response));
        assertNoStackTrace(response.body(), show(response));
    }
}
