package org.diplomacykg.server.hostile;

import static org.diplomacykg.server.hostile.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken, doubled, huge and deeply nested queries, and bodies that are not UTF-8 or not labelled
 * as queries, against both configurations: each gets an answer that is not a server error (a
 * clean 4xx where the request is wrong), nothing changes, and the server answers afterwards.
 */
class TestHostileQueries {

    @RegisterExtension
    static final Hostile writable = Hostile.writable();
    @RegisterExtension
    static final Hostile readOnly = Hostile.readOnly();

    static Stream<String> servers() {
        return Stream.of("writable", "read-only");
    }

    private static Hostile server(String name) {
        return name.equals("writable") ? writable : readOnly;
    }

    /** Sends a query as {@code application/sparql-query}; checks data and liveness around it. */
    private static HttpResponse<String> around(Hostile kg, java.util.function.Supplier<HttpResponse<String>> request) {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = request.get();
        assertSameData(before, kg.dump(), show(response));
        kg.assertAlive();
        return response;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void malformedQueriesAre400(String name) {
        Hostile kg = server(name);
        for ( String query : new String[] {
                "SELECT * WHERE { ?s ?p }",
                "SELECT * WHERE { ?s ?p ?o ",
                "SELECT * WHERE ?s ?p ?o }",
                "SELECT ?x WHERE { ?s ?p ?o } GROUP BY",
                "SELECT (COUNT(*) AS ?n) (?s AS ?n) { ?s ?p ?o }",
                "SELECT ?s { ?s ?p ?o } GROUP BY ?p",                        // ?s not grouped
                "SELECT * { BIND(1 AS ?x) BIND(2 AS ?x) }",                   // ?x bound twice
                "PREFIX : <http://ex/> SELECT * { undeclared:x ?p ?o }",
                "SELECT * { ?s ?p \"unterminated }",
                "SELECT * { ?s ?p ?o } LIMIT -1",
                "SELECT * { ?s ?p ?o } LIMIT 99999999999999999999999999",
                "",
                "   ",
                "\u0000",
                "SELECT * { <http://ex/a b> ?p ?o }",
                "SELECT * { <http://ex/a\u0001b> ?p ?o }",
                "SELECT * { ?s ?p ?o FILTER(regex(?o, \"(\")) }",
                // Error messages that quote text outside ASCII (Fuseki answered these 500 with an empty body).
                "SELECT * { ?s ?p ?o } \u00FF",
                "SELECT * { caf\u00E9:x ?p ?o }",
                "SELECT * { ?s \uFFFDkg:positionHolder ?o }",
                "SELECT * { ?s ?p \"\u0418\u0432\u0430\u043D }",
                "SELECT * { \uD83D\uDE00 }" } ) {
            HttpResponse<String> response = around(kg, () -> kg.query(query));
            if ( query.contains("regex") )
                assertNotServerError(response);           // a bad pattern fails at run time, per row
            else
                assertRefused(response, 400);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void twoQueriesInOneRequestAreRefused(String name) {
        Hostile kg = server(name);
        String one = "SELECT * { ?s ?p ?o } LIMIT 1";
        // Concatenated in one body.
        assertRefused(around(kg, () -> kg.query(one + "\n" + one)), 400);
        assertRefused(around(kg, () -> kg.query(one + " ;\n" + one)), 400);
        // A query and an update.
        assertRefused(around(kg, () -> kg.query(one + " ; INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x:s> <urn:x:p> 1 } }")), 400);
        // query= twice, by GET and as a form.
        String twice = "query=" + encode(one) + "&query=" + encode("ASK {}");
        assertRefused(around(kg, () -> kg.send(kg.anonymous("/kg/sparql?" + twice).GET())), 400);
        assertRefused(around(kg, () -> kg.bytes("POST", "/kg/sparql", SparqlClient.FORM, utf8(twice), false)), 400);
        // query= in the URL and a query as the body: Fuseki answers the body; either way not a server error.
        assertNotServerError(around(kg, () -> kg.bytes("POST", "/kg/sparql?query=" + encode(one), SparqlClient.SPARQL_QUERY,
                                                          utf8("ASK {}"), false)));
        // query= and update= in one form, to the query endpoint: the update is ignored (around() checks nothing changed).
        String both = "query=" + encode(one) + "&update=" + encode("DROP ALL");
        assertNotServerError(around(kg, () -> kg.bytes("POST", "/kg/sparql", SparqlClient.FORM, utf8(both), false)));
        // An empty form.
        assertRefused(around(kg, () -> kg.bytes("POST", "/kg/sparql", SparqlClient.FORM, new byte[0], false)), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void anUpdateSentAsAQueryChangesNothing(String name) {
        Hostile kg = server(name);
        String insert = "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x:s> <urn:x:p> <urn:x:o> } }";
        assertRefused(around(kg, () -> kg.query(insert)), 400);
        assertRefused(around(kg, () -> kg.bytes("POST", "/kg/sparql", SparqlClient.FORM,
                                                   utf8("query=" + encode("DROP ALL")), false)), 400);
        assertRefused(around(kg, () -> kg.bytes("POST", "/kg/sparql", SparqlClient.FORM,
                                                   utf8("update=" + encode("DROP ALL")), false)));
    }

    /** About 1 MB of {@code { ?s a <class-N> } UNION ...}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aMegabyteOfUnionBranchesIsNotAServerError(String name) {
        Hostile kg = server(name);
        StringBuilder query = new StringBuilder("SELECT ?s WHERE { { ?s a <urn:x:c0> }");
        for ( int i = 1; query.length() < 1_000_000; i++ )
            query.append(" UNION { ?s a <urn:x:c").append(i).append("> }");
        query.append(" }");
        assertNotServerError(around(kg, () -> kg.query(query.toString())));
    }

    /** About 1 MB of VALUES. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aMegabyteOfValuesIsNotAServerError(String name) {
        Hostile kg = server(name);
        StringBuilder query = new StringBuilder(PREFIXES + "SELECT ?x ?p WHERE { VALUES ?x {");
        for ( int i = 0; query.length() < 1_000_000; i++ )
            query.append(" id:thing-").append(i);
        query.append(" id:sergey-lavrov } ?x ?p ?o } LIMIT 5");
        HttpResponse<String> response = around(kg, () -> kg.query(query.toString()));
        assertNotServerError(response);
        // A long filter of ORs and a long IN list, which build deep or wide expressions.
        StringBuilder in = new StringBuilder("SELECT * WHERE { VALUES ?o { 7 } FILTER(?o IN (0");
        for ( int i = 1; in.length() < 1_000_000; i++ )
            in.append(", ").append(i);
        in.append(")) } LIMIT 1");
        assertNotServerError(around(kg, () -> kg.query(in.toString())));
    }

    static Stream<String> deepQueries() {
        int depth = 5_000;
        return Stream.of(
            "SELECT * WHERE " + "{ ".repeat(depth) + "?s ?p ?o" + " }".repeat(depth),
            "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o ".repeat(depth) + "}".repeat(depth) + " }",
            "SELECT * WHERE { ?s ?p ?o FILTER(" + "(".repeat(depth) + "?o" + ")".repeat(depth) + ") }",
            "SELECT * WHERE { ?s ?p ?o FILTER(" + "!".repeat(depth) + "bound(?o)) }",
            "SELECT * WHERE { ?s ?p ?o FILTER(1" + " + 1".repeat(depth * 10) + " > 0) } LIMIT 1",
            "SELECT * WHERE { ?s ?p ?o FILTER(?o = 0" + " || ?o = 1".repeat(depth * 10) + ") } LIMIT 1",
            "SELECT * WHERE { ?s ?p " + "[ <urn:x:p> ".repeat(depth) + "?o" + " ]".repeat(depth) + " }",
            "SELECT * WHERE { ?s ?p " + "(".repeat(depth) + "1" + ")".repeat(depth) + " }",
            "SELECT * WHERE { ?s " + "(".repeat(depth) + "<urn:x:p>" + ")*".repeat(depth) + " ?o }",
            "SELECT * WHERE { ?s " + "<urn:x:p>/".repeat(depth * 10) + "<urn:x:p> ?o }",
            "SELECT * WHERE { { SELECT * WHERE ".repeat(depth) + "{ ?s ?p ?o }" + " } }".repeat(depth),
            "SELECT * WHERE { ?s ?p ?o " + "MINUS { ?s ?p ?o ".repeat(depth) + "}".repeat(depth) + " }",
            "SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o ".repeat(depth) + "}".repeat(depth) + " }",
            "SELECT * WHERE { ?s ?p ?o } ORDER BY " + "(".repeat(depth) + "?s" + ")".repeat(depth),
            "SELECT (" + "(".repeat(depth) + "1" + ")".repeat(depth) + " AS ?x) WHERE {}",
            "SELECT * WHERE { BIND(" + "concat(".repeat(depth) + "\"a\"" + ")".repeat(depth) + " AS ?x) }");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("deepQueries")
    void deeplyNestedQueriesAreNotAServerError(String query) {
        for ( Hostile kg : new Hostile[] { writable, readOnly } ) {
            HttpResponse<String> response = around(kg, () -> kg.query(query));
            assertTrue(response.statusCode() < 500, () -> "server error for " + shorten(query, 300) + ": " + show(response));
            if ( response.statusCode() >= 400 )
                assertCleanBody(response);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void bodiesThatAreNotUtf8AreNotAServerError(String name) {
        Hostile kg = server(name);
        byte[][] bodies = {
            concat(utf8("SELECT * WHERE { ?s ?p \"caf"), new byte[] { (byte) 0xE9 }, utf8("\" }")),           // Latin-1 é
            concat(utf8("SELECT * WHERE { ?s ?p \""), new byte[] { (byte) 0xC3, (byte) 0x28 }, utf8("\" }")),  // bad continuation
            concat(utf8("SELECT * WHERE { ?s ?p \""), new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, utf8("\" }")), // surrogate
            concat(utf8("SELECT * WHERE { ?s ?p \""), new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, utf8("\" }")),
            concat(utf8("SELECT * WHERE { ?s ?p \""), new byte[] { (byte) 0xC0, (byte) 0xAF }, utf8("\" }")),  // overlong '/'
            concat(utf8("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), new byte[] { (byte) 0xFF, (byte) 0xFE }),
            concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, "SELECT * WHERE { ?s ?p ?o } LIMIT 1".getBytes(StandardCharsets.UTF_16LE)),
            concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8("SELECT * WHERE { ?s ?p ?o } LIMIT 1")), // UTF-8 BOM
            // Found by TestFuzz (seed 20251125, case 54): a byte that is not UTF-8 where a parse error quotes it.
            concat(utf8("PREFIX id: <https://w3id.org/diplomacy-kg/id/>\nSELECT * WHERE { ?p "), new byte[] { (byte) 0xBF },
                   utf8("kg:positionHolder id:russia }")),
        };
        for ( byte[] body : bodies ) {
            assertNotServerError(around(kg, () -> kg.bytes("POST", "/kg/sparql", SparqlClient.SPARQL_QUERY, body, false)));
            assertNotServerError(around(kg, () -> kg.bytes("POST", "/kg/sparql", SparqlClient.SPARQL_QUERY + "; charset=iso-8859-1", body, false)));
            // The same bytes percent-encoded in a form and in a GET.
            String form = "query=" + percentEncode(body);
            assertNotServerError(around(kg, () -> kg.bytes("POST", "/kg/sparql", SparqlClient.FORM, utf8(form), false)));
            assertNotServerError(around(kg, () -> kg.send(kg.anonymous("/kg/sparql?" + form).GET())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void queriesWithAWrongOrMissingContentTypeAreRefused(String name) {
        Hostile kg = server(name);
        byte[] query = utf8("SELECT * WHERE { ?s ?p ?o } LIMIT 1");
        for ( String type : new String[] { "text/plain", "application/json", "text/turtle", "application/octet-stream",
                                           "multipart/form-data; boundary=xyz", "application/sparql-update",
                                           "garbage", "application/sparql-query/extra", ";;;", "*/*" } ) {
            assertRefused(around(kg, () -> kg.bytes("POST", "/kg/sparql", type, query, false)));
        }
        // No Content-Type at all.
        assertRefused(around(kg, () -> kg.bytes("POST", "/kg/sparql", null, query, false)));
        // A form whose body is not a form.
        assertRefused(around(kg, () -> kg.bytes("POST", "/kg/sparql", SparqlClient.FORM, query, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void oddMethodsAndHeadersOnTheQueryEndpointAreNotServerErrors(String name) {
        Hostile kg = server(name);
        for ( String method : new String[] { "PUT", "DELETE", "PATCH", "PROPFIND", "TRACE" } ) {
            assertRefused(around(kg, () -> kg.send(kg.anonymous("/kg/sparql")
                .header("Content-Type", SparqlClient.SPARQL_QUERY)
                .method(method, BodyPublishers.ofString("SELECT * { ?s ?p ?o }")))));
        }
        for ( String accept : new String[] { "application/x-nonsense", "text/html;q=abc", ";;;,,,", "*/*;q=0" } ) {
            assertNotServerError(around(kg, () -> kg.send(kg.anonymous("/kg/sparql")
                .header("Content-Type", SparqlClient.SPARQL_QUERY).header("Accept", accept)
                .POST(BodyPublishers.ofString("SELECT * { ?s ?p ?o } LIMIT 1")))));
        }
    }

    /** Every byte as {@code %XX}, so that the server sees exactly these bytes after decoding. */
    static String percentEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for ( byte b : bytes )
            out.append('%').append(String.format("%02X", b & 0xFF));
        return out.toString();
    }
}
