package org.diplomacykg.server.hostile;

import static org.diplomacykg.server.hostile.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents sent to the Graph Store Protocol ({@code /kg/data}) and the article endpoint with the
 * right credentials that must be refused whole: a syntax error after 50,000 good triples, bytes
 * that are not UTF-8, a Content-Type that does not fit, IRIs with spaces or control characters,
 * ill-typed literals, deep nesting. Nothing of them is kept, and the server answers afterwards.
 */
class TestHostileUploads {

    @RegisterExtension
    static final Hostile kg = Hostile.writable();

    /** An article graph that exists: a PUT that half-succeeded would damage it. */
    static final String ARTICLE = "https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10";

    static final int GOOD_TRIPLES = 50_000;

    private static HttpResponse<String> refused(Supplier<HttpResponse<String>> request, int... allowed) {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = request.get();
        assertRefused(response, allowed);
        assertSameData(before, kg.dump(), show(response));
        kg.assertAlive();
        return response;
    }

    /** 50,000 good triples, then a syntax error, in each syntax. */
    static Stream<Arguments> halfGoodDocuments() {
        String id = "https://w3id.org/diplomacy-kg/id/";
        String label = "http://www.w3.org/2000/01/rdf-schema#label";

        StringBuilder turtle = new StringBuilder("@prefix id: <" + id + "> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n");
        for ( int i = 0; i < GOOD_TRIPLES; i++ )
            turtle.append("id:hostile-").append(i).append(" rdfs:label \"").append(i).append("\" .\n");
        turtle.append("id:hostile-bad rdfs:label \"unterminated .\n");

        StringBuilder ntriples = new StringBuilder();
        for ( int i = 0; i < GOOD_TRIPLES; i++ )
            ntriples.append("<").append(id).append("hostile-").append(i).append("> <").append(label).append("> \"").append(i).append("\" .\n");
        ntriples.append("<").append(id).append("hostile-bad> <").append(label).append("> .\n");

        StringBuilder jsonld = new StringBuilder("{\"@context\": {\"label\": \"" + label + "\", \"@base\": \"" + id + "\"},\n \"@graph\": [\n");
        for ( int i = 0; i < GOOD_TRIPLES; i++ )
            jsonld.append("  {\"@id\": \"hostile-").append(i).append("\", \"label\": \"").append(i).append("\"},\n");
        jsonld.append("  {\"@id\": \"hostile-bad\", \"label\": }\n]}");

        StringBuilder rdfxml = new StringBuilder("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
                                                 + "         xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\">\n");
        for ( int i = 0; i < GOOD_TRIPLES; i++ )
            rdfxml.append("  <rdf:Description rdf:about=\"").append(id).append("hostile-").append(i)
                  .append("\"><rdfs:label>").append(i).append("</rdfs:label></rdf:Description>\n");
        rdfxml.append("  <rdf:Description rdf:about=\"").append(id).append("hostile-bad\"><rdfs:label>x</rdfs:lab>\n</rdf:RDF>\n");

        return Stream.of(
            Arguments.of("text/turtle", turtle.toString()),
            Arguments.of("application/n-triples", ntriples.toString()),
            Arguments.of("application/ld+json", jsonld.toString()),
            Arguments.of("application/rdf+xml", rdfxml.toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("halfGoodDocuments")
    void aSyntaxErrorAfterManyGoodTriplesKeepsNothing(String contentType, String document) {
        byte[] body = utf8(document);
        for ( String graph : new String[] { SCRATCH, ARTICLE } ) {
            refused(() -> kg.put(graph, contentType, body), 400);
            refused(() -> kg.post(graph, contentType, body), 400);
        }
    }

    @Test
    void quadsWithASyntaxErrorHalfwayKeepNothing() {
        StringBuilder trig = new StringBuilder("@prefix id: <https://w3id.org/diplomacy-kg/id/> .\n"
                                               + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n<" + SCRATCH + "> {\n");
        StringBuilder nquads = new StringBuilder();
        for ( int i = 0; i < GOOD_TRIPLES; i++ ) {
            trig.append("id:hostile-").append(i).append(" rdfs:label \"").append(i).append("\" .\n");
            nquads.append("<https://w3id.org/diplomacy-kg/id/hostile-").append(i)
                  .append("> <http://www.w3.org/2000/01/rdf-schema#label> \"").append(i).append("\" <").append(SCRATCH).append("> .\n");
        }
        trig.append("}\n<").append(SCRATCH).append("> { id:x rdfs:label \"y\" \n");
        nquads.append("<urn:x:s> <urn:x:p> \"o\" <").append(SCRATCH).append("> <urn:x:extra> .\n");
        refused(() -> kg.bytes("POST", "/kg/data", "application/trig", utf8(trig.toString()), true), 400);
        refused(() -> kg.bytes("POST", "/kg/data", "application/n-quads", utf8(nquads.toString()), true), 400);
    }

    @Test
    void documentsThatAreNotUtf8AreRefused() {
        byte[][] values = {
            { (byte) 0xE9 }, { (byte) 0xC3, (byte) 0x28 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xFF },
        };
        for ( byte[] value : values ) {
            byte[] turtle = concat(utf8("<https://w3id.org/diplomacy-kg/id/hostile-thing> <http://www.w3.org/2000/01/rdf-schema#label> \"caf"),
                                   value, utf8("\" .\n"));
            byte[] jsonld = concat(utf8("{\"@id\": \"https://w3id.org/diplomacy-kg/id/hostile-thing\", "
                                        + "\"http://www.w3.org/2000/01/rdf-schema#label\": \"caf"), value, utf8("\"}"));
            byte[] rdfxml = concat(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                                        + "xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\"><rdf:Description "
                                        + "rdf:about=\"https://w3id.org/diplomacy-kg/id/hostile-thing\"><rdfs:label>caf"),
                                   value, utf8("</rdfs:label></rdf:Description></rdf:RDF>"));
            for ( String graph : new String[] { SCRATCH, ARTICLE } ) {
                refused(() -> kg.put(graph, "text/turtle", turtle), 400);
                refused(() -> kg.post(graph, "text/turtle", turtle), 400);
                refused(() -> kg.put(graph, "text/turtle; charset=utf-8", turtle), 400);
                refused(() -> kg.put(graph, "application/n-triples", turtle), 400);
                refused(() -> kg.put(graph, "application/ld+json", jsonld), 400);
                refused(() -> kg.put(graph, "application/rdf+xml", rdfxml), 400);
            }
            // An article whose JSON is not UTF-8, in the text or in the facts.
            byte[] article = concat(utf8("{\"text\": \"Lavrov dan Rubio caf"), value, utf8("\", \"facts\": \"<https://w3id.org/diplomacy-kg/id/x> "
                                    + "<http://www.w3.org/2000/01/rdf-schema#label> \\\"x\\\" .\"}"));
            refused(() -> kg.bytes("PUT", "/kg/articles/hostile-article", "application/json", article, true), 400);
        }
        // A whole document in UTF-16, labelled as nothing but Turtle.
        byte[] utf16 = "<https://w3id.org/diplomacy-kg/id/hostile-thing> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n"
            .getBytes(StandardCharsets.UTF_16);
        refused(() -> kg.put(SCRATCH, "text/turtle", utf16), 400);
    }

    @Test
    void aContentTypeThatDoesNotFitIsRefused() {
        byte[] turtle = utf8("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                             + "<https://w3id.org/diplomacy-kg/id/hostile-thing> rdfs:label \"x\" .\n");
        for ( String type : new String[] { "text/plain", "application/json", "application/sparql-query", "application/sparql-update",
                                           "application/octet-stream", "application/x-www-form-urlencoded", "garbage", ";;;", "*/*",
                                           "text/html", "application/xml" } ) {
            refused(() -> kg.put(SCRATCH, type, turtle), 400, 415);
            refused(() -> kg.post(SCRATCH, type, turtle), 400, 415);
        }
        refused(() -> kg.put(SCRATCH, null, turtle), 400, 415);
        refused(() -> kg.post(SCRATCH, null, turtle), 400, 415);
        // Labelled as another RDF syntax than it is.
        refused(() -> kg.put(SCRATCH, "application/ld+json", turtle), 400);
        refused(() -> kg.put(SCRATCH, "application/rdf+xml", turtle), 400);
        refused(() -> kg.put(SCRATCH, "application/n-triples", turtle), 400);
        refused(() -> kg.put(SCRATCH, "text/turtle", utf8("{\"@id\": \"https://w3id.org/diplomacy-kg/id/hostile-thing\", "
                                                          + "\"http://www.w3.org/2000/01/rdf-schema#label\": \"x\"}")), 400);
        // Quads into one graph.
        refused(() -> kg.put(SCRATCH, "application/trig", utf8("<" + SCRATCH + "> { <urn:x:s> <urn:x:p> <urn:x:o> }")), 400, 415);
        // An article that is not JSON, or JSON of the wrong shape.
        for ( String article : new String[] { "", "null", "[]", "{}", "{\"text\": 1, \"facts\": 2}", "{\"text\": \"t\"}",
                                              "{\"text\": \"t\", \"facts\": \"<a> <b> .\"}", "{\"text\": \"t\", \"facts\": \"x\"",
                                              "{\"text\": \"\", \"facts\": \"\"}", "\"text\"", "{\"text\": \"t\", \"facts\": [\"x\"]}" } )
            refused(() -> kg.bytes("PUT", "/kg/articles/hostile-article", "application/json", utf8(article), true), 400);
    }

    /** Documents that end inside an escape: Jena's Turtle tokenizer failed on some with a non-parse exception (a 500). */
    @Test
    void documentsEndingInsideAnEscapeAreRefused() {
        for ( String end : new String[] { ":c%", ":c%4", ":c\\", ":c\\u", "<urn:x:c\\u00", "\"c\\", "\"c\\u12", "_:", "\"x\"^^", "\"x\"@" } ) {
            byte[] turtle = utf8("@prefix : <https://w3id.org/diplomacy-kg/id/> .\n:a :b " + end);
            refused(() -> kg.put(SCRATCH, "text/turtle", turtle), 400);
            String facts = ("@prefix : <https://w3id.org/diplomacy-kg/id/> . :a :b " + end).replace("\\", "\\\\").replace("\"", "\\\"");
            refused(() -> kg.bytes("PUT", "/kg/articles/hostile-article", "application/json",
                                   utf8("{\"text\": \"t\", \"facts\": \"" + facts + "\"}"), true), 400);
        }
    }

    /**
     * Facts already in the reference graph, stated again in another graph: found by TestFuzz
     * (seed 20251125, case 17), where the reasoners read a tenure's post once per graph, took it
     * for two posts, and every such write was a 500.
     */
    @Test
    void factsStatedAgainInAnotherGraphAreTaken() throws java.io.IOException {
        byte[] reference = java.nio.file.Files.readAllBytes(Path.of("data/reference.ttl"));
        HttpResponse<String> put = kg.put(SCRATCH, "text/turtle", reference);
        org.junit.jupiter.api.Assertions.assertEquals(201, put.statusCode(), () -> show(put));
        kg.assertAlive();
        // A second, different post for the same tenure: refused whole (the shapes, or the reasoners), never a 500.
        String conflicting = "<https://w3id.org/diplomacy-kg/id/tenure-sergey-lavrov-foreign-minister-of-russia-2004> "
                             + "<https://w3id.org/diplomacy-kg/ontology#post> <https://w3id.org/diplomacy-kg/id/hostile-post> .\n";
        refused(() -> kg.post(SCRATCH, "text/turtle", utf8(conflicting)), 422);
        String untyped = "<https://w3id.org/diplomacy-kg/id/hostile-tenure> <https://w3id.org/diplomacy-kg/ontology#holder> "
                         + "<https://w3id.org/diplomacy-kg/id/sergey-lavrov> ;\n <https://w3id.org/diplomacy-kg/ontology#post> "
                         + "<https://w3id.org/diplomacy-kg/id/foreign-minister-of-russia>, <https://w3id.org/diplomacy-kg/id/hostile-post> ;\n"
                         + " <https://w3id.org/diplomacy-kg/ontology#startDate> \"2020-01-01T00:00:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n";
        refused(() -> kg.post(SCRATCH, "text/turtle", utf8(untyped)), 422);
        kg.send(kg.authed(dataPath(SCRATCH)).DELETE());
        kg.assertAlive();
    }

    static Stream<String> badIris() {
        return Stream.of("<https://ex.org/a b>", "<https://ex.org/a\u0001b>", "<https://ex.org/a\tb>", "<https://ex.org/a\\u0020b>",
                         "<https://ex.org/a\\u0000b>", "<https://ex.org/a\\u007Fb>", "<https://ex.org/a>b>", "<https://ex.org/a\"b>",
                         "<https://ex.org/a{b>", "<https://ex.org/a\\u003Eb>");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("badIris")
    void irisWithSpacesOrControlCharactersAreRefused(String iri) {
        byte[] subject = utf8(iri + " <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n");
        byte[] object = utf8("<https://w3id.org/diplomacy-kg/id/hostile-thing> <http://www.w3.org/2000/01/rdf-schema#seeAlso> " + iri + " .\n");
        refused(() -> kg.put(SCRATCH, "text/turtle", subject), 400, 422);
        refused(() -> kg.put(SCRATCH, "text/turtle", object), 400, 422);
        refused(() -> kg.put(SCRATCH, "application/n-triples", subject), 400, 422);
        refused(() -> kg.bytes("PUT", "/kg/articles/hostile-article", "application/json",
                               utf8("{\"text\": \"t\", \"facts\": \"" + new String(subject, StandardCharsets.UTF_8)
                                   .replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n")
                                   .replace("\u0001", "\\u0001") + "\"}"), true), 400, 422);
    }

    @Test
    void graphNamesWithSpacesOrControlCharactersAreRefused() {
        byte[] turtle = utf8("<https://w3id.org/diplomacy-kg/id/hostile-thing> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n");
        for ( String graph : new String[] { "https://w3id.org/diplomacy-kg/graph/source/a b", "https://w3id.org/diplomacy-kg/graph/source/a\u0001b",
                                            "https://w3id.org/diplomacy-kg/graph/source/a\nb", "not an iri", "", " ",
                                            "https://w3id.org/diplomacy-kg/graph/source/<x>" } ) {
            refused(() -> kg.put(graph, "text/turtle", turtle));
            refused(() -> kg.post(graph, "text/turtle", turtle));
        }
        // ?graph= and ?default together, or ?graph= twice.
        refused(() -> kg.bytes("PUT", dataPath(SCRATCH) + "&graph=" + encode(ARTICLE), "text/turtle", turtle, true), 400);
        refused(() -> kg.bytes("PUT", dataPath(SCRATCH) + "&default", "text/turtle", turtle, true), 400);
    }

    static Stream<String> illTypedTriples() {
        String s = "<https://w3id.org/diplomacy-kg/id/hostile-thing> ";
        return Stream.of(
            s + "<https://w3id.org/diplomacy-kg/ontology#date> \"abc\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .",
            s + "<http://www.w3.org/2000/01/rdf-schema#comment> \"abc\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .",
            s + "<http://www.w3.org/2000/01/rdf-schema#comment> \"1.5\"^^<http://www.w3.org/2001/XMLSchema#integer> .",
            s + "<http://www.w3.org/2000/01/rdf-schema#comment> \"2025-13-45\"^^<http://www.w3.org/2001/XMLSchema#date> .",
            s + "<http://www.w3.org/2000/01/rdf-schema#comment> \"x\"@-bad- .");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("illTypedTriples")
    void illTypedLiteralsAreRefused(String triple) {
        refused(() -> kg.put(SCRATCH, "text/turtle", utf8(triple + "\n")), 400, 422);
        refused(() -> kg.post(SCRATCH, "text/turtle", utf8(triple + "\n")), 400, 422);
        String facts = triple.replace("\\", "\\\\").replace("\"", "\\\"");
        refused(() -> kg.bytes("PUT", "/kg/articles/hostile-article", "application/json",
                               utf8("{\"text\": \"Lavrov dan Rubio\", \"facts\": \"" + facts + "\"}"), true), 400, 422);
    }

    /** Deeply nested documents: refused, or (they are valid) taken; never a server error. */
    @Test
    void deeplyNestedDocumentsAreNotAServerError() {
        int depth = 20_000;
        String p = "<urn:x:p>";
        String s = "<https://w3id.org/diplomacy-kg/id/hostile-thing> ";
        Set<Quad> before = kg.assertedOutsideScratch();
        for ( String[] document : new String[][] {
                { "text/turtle", s + p + " " + ("[ " + p + " ").repeat(depth) + "1" + " ]".repeat(depth) + " ." },
                { "text/turtle", s + p + " " + "( ".repeat(depth) + "1" + " )".repeat(depth) + " ." },
                { "application/ld+json", "{\"@id\": \"urn:x:s\", \"urn:x:p\": " + "[".repeat(depth) + "1" + "]".repeat(depth) + "}" },
                { "application/ld+json", "{\"@id\": \"urn:x:s\", \"urn:x:p\": " + "{\"urn:x:p\": ".repeat(depth) + "1" + "}".repeat(depth) + "}" },
                { "application/rdf+xml", "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                    + "xmlns:x=\"urn:x:\"><rdf:Description>" + "<x:p><rdf:Description>".repeat(depth)
                    + "</rdf:Description></x:p>".repeat(depth) + "</rdf:Description></rdf:RDF>" } } ) {
            assertNotServerError(kg.put(SCRATCH, document[0], utf8(document[1])));
            kg.assertAlive();
        }
        HttpResponse<String> article = kg.bytes("PUT", "/kg/articles/hostile-article", "application/json",
                                                utf8("{\"text\": \"t\", \"facts\": " + "[".repeat(depth) + "]".repeat(depth) + "}"), true);
        assertRefused(article, 400);
        HttpResponse<String> facts = kg.bytes("PUT", "/kg/articles/hostile-article", "application/json",
                                              utf8("{\"text\": \"t\", \"facts\": \"" + s + p + " " + "( ".repeat(depth) + "1" + " )".repeat(depth) + " .\"}"), true);
        assertNotServerError(facts);
        kg.send(kg.authed(dataPath(SCRATCH)).DELETE());
        kg.send(kg.authed(dataPath("https://w3id.org/diplomacy-kg/graph/source/hostile-article")).DELETE());
        assertSameData(before, kg.assertedOutsideScratch(), "deeply nested documents");
        kg.assertAlive();
    }

    /**
     * An XML entity expansion ("billion laughs") and local external entities: never expanded into
     * the store or read. Jena reads an external entity as empty text, so such a document may be
     * taken; the file's content must appear nowhere.
     */
    @Test
    void xmlEntitiesAreNotExpandedOrRead() {
        String head = "<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n";
        String body = "]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\">"
                      + "<rdf:Description rdf:about=\"https://w3id.org/diplomacy-kg/id/hostile-thing\"><rdfs:label>&e;</rdfs:label>"
                      + "</rdf:Description></rdf:RDF>";
        StringBuilder laughs = new StringBuilder(head + "<!ENTITY e0 \"lol\">\n");
        for ( int i = 1; i <= 12; i++ )
            laughs.append("<!ENTITY e").append(i).append(" \"").append(("&e" + (i - 1) + ";").repeat(10)).append("\">\n");
        laughs.append("<!ENTITY e \"&e12;\">\n");
        HttpResponse<String> bomb = refused(() -> kg.put(SCRATCH, "application/rdf+xml", utf8(laughs + body)), 400);
        assertFalse(bomb.body().contains("lollollol"), show(bomb));
        org.apache.jena.graph.Node scratch = org.apache.jena.graph.NodeFactory.createURI(SCRATCH);
        for ( String entity : new String[] { "<!ENTITY e SYSTEM \"file:///etc/passwd\">", "<!ENTITY e SYSTEM \"file:pom.xml\">",
                                             "<!ENTITY e SYSTEM \"pom.xml\">", "<!ENTITY e SYSTEM \"/etc/passwd\">" } ) {
            HttpResponse<String> xxe = kg.put(SCRATCH, "application/rdf+xml", utf8(head + entity + "\n" + body));
            assertNotServerError(xxe);
            String stored = kg.graph(scratch).toString();
            for ( String content : new String[] { "root:", "<modelVersion>", "<artifactId>" } ) {
                assertFalse(xxe.body().contains(content), show(xxe));
                assertFalse(stored.contains(content), "a file's content was stored: " + shorten(stored, 400));
            }
        }
        kg.assertAlive();
    }
}
