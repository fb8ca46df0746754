package org.diplomacykg.server.hostile;

import static org.diplomacykg.server.hostile.Hostile.*;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken, impossible, deeply nested and mis-encoded SPARQL Updates, sent with the right
 * credentials: each is refused with a clean 4xx, not one quad changes, and the server answers
 * afterwards.
 */
class TestHostileUpdates {

    @RegisterExtension
    static final Hostile kg = Hostile.writable();

    private static final String TRIPLE = "<https://w3id.org/diplomacy-kg/id/hostile-thing> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .";
    private static final String INSERT_OK = "INSERT DATA { GRAPH <" + SCRATCH + "> { " + TRIPLE + " } }";

    /** Sends, then checks the answer is one of {@code allowed} (any 4xx if none), nothing changed, and the server answers. */
    private static HttpResponse<String> refused(Supplier<HttpResponse<String>> request, int... allowed) {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = request.get();
        assertRefused(response, allowed);
        assertSameData(before, kg.dump(), show(response));
        kg.assertAlive();
        return response;
    }

    static Stream<String> malformedUpdates() {
        return Stream.of(
            "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x:s> <urn:x:p> } }",
            "INSERT DATA { GRAPH <" + SCRATCH + "> { ?s <urn:x:p> <urn:x:o> } }",           // variables in DATA
            "INSERT DATA { GRAPH <" + SCRATCH + "> { _:b <urn:x:p> <urn:x:o> } } ; DELETE DATA { _:b <urn:x:p> <urn:x:o> }",
            "DELETE WHERE",
            "INSERT { GRAPH <" + SCRATCH + "> { ?s ?p ?o } }",                              // no WHERE
            "CLEAR GRAPH",
            "DROP",
            "SELECT * { ?s ?p ?o }",                                                          // a query
            INSERT_OK + " ; garbage",                                                         // good, then bad
            INSERT_OK + " ;\n" + INSERT_OK + " ;\n INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x:s> } }",
            INSERT_OK.substring(0, INSERT_OK.length() - 1),                                   // the last brace missing
            "INSERT DATA { GRAPH <" + SCRATCH + "> { <https://ex.org/a b> <urn:x:p> <urn:x:o> } }",       // space in IRI
            "INSERT DATA { GRAPH <" + SCRATCH + "> { <https://ex.org/a\u0001b> <urn:x:p> <urn:x:o> } }",  // control character
            "INSERT DATA { GRAPH <" + SCRATCH + "> { <https://ex.org/a\nb> <urn:x:p> <urn:x:o> } }",
            "INSERT DATA { GRAPH <https://ex.org/g h> { <urn:x:s> <urn:x:p> <urn:x:o> } }",
            "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x:s> <urn:x:p> \"x\"@-bad- } }",
            "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x:s> <urn:x:p> \"\\uD800\" } }",           // lone surrogate escape
            "WITH <" + SCRATCH + "> INSERT { ?s ?p ?o } USING <urn:x:g> WHERE { ?s ?p ?o ",
            "INSERT DATA { GRAPH <" + SCRATCH + "> { caf\u00E9:x <urn:x:p> <urn:x:o> } }",              // an error quoting non-ASCII
            "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x:s> <urn:x:p> \"\u0418\u0432\u0430\u043D } }",
            "\u0000");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("malformedUpdates")
    void malformedUpdatesAre400(String update) {
        refused(() -> kg.update(update), 400);
    }

    /** Well-formed, but impossible on this dataset: a client's error, not the server's. */
    static Stream<String> impossibleUpdates() {
        String article = "https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10";
        return Stream.of(
            "CREATE GRAPH <" + article + ">",                      // exists
            "DROP GRAPH <https://w3id.org/diplomacy-kg/graph/source/no-such-article>",
            "CLEAR GRAPH <https://w3id.org/diplomacy-kg/graph/source/no-such-article>",
            "ADD <https://w3id.org/diplomacy-kg/graph/source/no-such-article> TO <" + SCRATCH + ">",
            "MOVE <https://w3id.org/diplomacy-kg/graph/source/no-such-article> TO <" + SCRATCH + ">",
            "COPY <https://w3id.org/diplomacy-kg/graph/source/no-such-article> TO <" + SCRATCH + ">");
    }

    /** Refused with a 4xx, or (as SPARQL allows some of these to be no-ops) done without changing anything; never a 5xx. */
    @ParameterizedTest(name = "{index}")
    @MethodSource("impossibleUpdates")
    void impossibleUpdatesAreClientErrorsOrChangeNothing(String update) {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.update(update);
        assertNotServerError(response);
        assertSameData(before, kg.dump(), show(response));
        kg.assertAlive();
    }

    static Stream<String> illTypedLiterals() {
        String s = "<https://w3id.org/diplomacy-kg/id/hostile-thing>";
        return Stream.of(
            s + " <https://w3id.org/diplomacy-kg/ontology#date> \"abc\"^^<http://www.w3.org/2001/XMLSchema#dateTime>",
            s + " <http://www.w3.org/2000/01/rdf-schema#comment> \"abc\"^^<http://www.w3.org/2001/XMLSchema#dateTime>",
            s + " <http://www.w3.org/2000/01/rdf-schema#comment> \"1.5\"^^<http://www.w3.org/2001/XMLSchema#integer>",
            s + " <http://www.w3.org/2000/01/rdf-schema#comment> \"yes\"^^<http://www.w3.org/2001/XMLSchema#boolean>",
            s + " <http://www.w3.org/2000/01/rdf-schema#comment> \"2025-13-45\"^^<http://www.w3.org/2001/XMLSchema#date>",
            s + " <http://www.w3.org/2000/01/rdf-schema#comment> \"300\"^^<http://www.w3.org/2001/XMLSchema#byte>");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("illTypedLiterals")
    void illTypedLiteralsAreRefused(String triple) {
        refused(() -> kg.update("INSERT DATA { GRAPH <" + SCRATCH + "> { " + triple + " } }"), 400, 422);
        refused(() -> kg.update("INSERT { GRAPH <" + SCRATCH + "> { " + triple + " } } WHERE {}"), 400, 422);
    }

    @Test
    void iriEscapesThatSpellSpacesOrControlCharactersAreRefused() {
        for ( String escaped : new String[] { "\\u0020", "\\u0000", "\\u0001", "\\u007F", "\\u003C", "\\u0022", "\\U0000000A" } ) {
            refused(() -> kg.update("INSERT DATA { GRAPH <" + SCRATCH + "> { <https://ex.org/a" + escaped
                                    + "b> <urn:x:p> <urn:x:o> } }"), 400, 422);
            refused(() -> kg.update("INSERT DATA { GRAPH <https://ex.org/g" + escaped + "h> { <urn:x:s> <urn:x:p> <urn:x:o> } }"), 400, 422);
        }
    }

    static Stream<String> deepUpdates() {
        int depth = 5_000;
        return Stream.of(
            "INSERT { GRAPH <" + SCRATCH + "> { ?s ?p ?o } } WHERE " + "{ ".repeat(depth) + "?s ?p ?o" + " }".repeat(depth),
            // Ten times deeper: once the parser is compiled, 5,000 negations can fit in a thread's stack,
            // and the update then runs (and is refused by the evidence check instead).
            "INSERT { GRAPH <" + SCRATCH + "> { ?s ?p ?o } } WHERE { ?s ?p ?o FILTER(" + "!".repeat(depth * 10) + "bound(?o)) }",
            "INSERT { GRAPH <" + SCRATCH + "> { ?s ?p ?o } } WHERE { ?s ?p ?o FILTER(?o = 0" + " || ?o = 1".repeat(depth * 10) + ") }",
            "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x:s> <urn:x:p> " + "[ <urn:x:p> ".repeat(depth) + "1" + " ]".repeat(depth) + " } }",
            "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x:s> <urn:x:p> " + "(".repeat(depth) + "1" + ")".repeat(depth) + " } }",
            "DELETE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } } WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o ".repeat(depth) + "}".repeat(depth) + " }");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("deepUpdates")
    void deeplyNestedUpdatesAreRefused(String update) {
        refused(() -> kg.update(update), 400);
    }

    @Test
    void updatesThatAreNotUtf8AreRefused() {
        byte[][] values = {
            { (byte) 0xE9 },                                   // Latin-1 é
            { (byte) 0xC3, (byte) 0x28 },                      // bad continuation
            { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },         // an encoded surrogate
            { (byte) 0xC0, (byte) 0xAF },                      // overlong
            { (byte) 0xFF },
        };
        for ( byte[] value : values ) {
            byte[] update = concat(utf8("INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x:s> <http://www.w3.org/2000/01/rdf-schema#label> \"caf"),
                                   value, utf8("\" } }"));
            refused(() -> kg.bytes("POST", "/kg/update", SparqlClient.SPARQL_UPDATE, update, true), 400);
            refused(() -> kg.bytes("POST", "/kg/update", SparqlClient.SPARQL_UPDATE + "; charset=iso-8859-1", update, true), 400, 415);
            refused(() -> kg.bytes("POST", "/kg/update", SparqlClient.FORM,
                                   utf8("update=" + TestHostileQueries.percentEncode(update)), true), 400);
        }
    }

    @Test
    void updatesWithAWrongOrMissingContentTypeAreRefused() {
        byte[] update = utf8(INSERT_OK);
        for ( String type : new String[] { "text/plain", "application/json", "text/turtle", "application/sparql-query",
                                           "application/octet-stream", "garbage", ";;;", "*/*" } )
            refused(() -> kg.bytes("POST", "/kg/update", type, update, true), 400, 415);
        refused(() -> kg.bytes("POST", "/kg/update", null, update, true), 400, 415);
        // A form whose body is not a form, an empty form, update= twice.
        refused(() -> kg.bytes("POST", "/kg/update", SparqlClient.FORM, update, true), 400);
        refused(() -> kg.bytes("POST", "/kg/update", SparqlClient.FORM, new byte[0], true), 400);
        refused(() -> kg.bytes("POST", "/kg/update", SparqlClient.FORM,
                               utf8("update=" + encode(INSERT_OK) + "&update=" + encode(INSERT_OK)), true), 400);
        // Methods other than POST.
        for ( String method : new String[] { "GET", "PUT", "DELETE" } )
            refused(() -> kg.bytes(method, "/kg/update", SparqlClient.SPARQL_UPDATE, update, true));
        // A bad using-graph-uri.
        refused(() -> kg.bytes("POST", "/kg/update?using-graph-uri=" + encode("not an iri"), SparqlClient.SPARQL_UPDATE,
                               utf8("INSERT { GRAPH <" + SCRATCH + "> { ?s ?p ?o } } WHERE { ?s ?p ?o }"), true), 400);
    }
}
