package org.diplomacykg.server.write;

import static org.diplomacykg.server.write.WriteFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every write from a client passes the gate before it commits: it must leave the data
 * conforming to the shapes, its evidence spans must be in the article's text, and it must not
 * touch the derived graphs. A refused write gets a 4xx that says why (never a 500) and leaves
 * data and inferences exactly as they were; an accepted one carries its inferences.
 */
class TestWriteGate {

    @RegisterExtension
    static final WriteFixture kg = WriteFixture.perTest();

    @Test
    void aValidRevisionCommitsAndTheInferencesFollow() {
        assertEquals("2025-08-15T00:00:00", kg.unchangedSince());
        HttpResponse<String> response = kg.update(REVISION);
        assertEquals(204, response.statusCode(), response::body);
        assertEquals("2025-10-20T00:00:00", kg.unchangedSince());
    }

    @Test
    void aStatementWithoutEvidenceIs422WithAShaclReportInTurtle() {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.update(PREFIXES + """
            INSERT DATA { GRAPH <%s> {
              id:statement-without-evidence a dkg:Statement ; dkg:attributedTo id:sergey-lavrov .
            } }""".formatted(SOURCE), "text/turtle");
        assertEquals(422, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph report = SparqlClient.parseGraph(response.body(), Lang.TURTLE);
        assertNotConforming(report, "id:statement-without-evidence");
        assertSameData(before, kg.dump());
    }

    @Test
    void theShaclReportComesAsJsonLdByAccept() {
        String update = PREFIXES + """
            INSERT DATA { GRAPH <%s> { id:lavrov-rubio-call-2025-10-20 dkg:date "abc"^^xsd:dateTime } }""".formatted(SOURCE);
        Set<Quad> before = kg.dump();
        for ( String accept : new String[] { "application/ld+json" } ) {
            HttpResponse<String> response = kg.update(update, accept);
            assertEquals(422, response.statusCode(), response::body);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"),
                       () -> response.headers().toString());
            assertNotConforming(SparqlClient.parseGraph(response.body(), Lang.JSONLD), "id:lavrov-rubio-call-2025-10-20");
        }
        assertSameData(before, kg.dump());
        assertEquals("2025-08-15T00:00:00", kg.unchangedSince());
    }

    @Test
    void aSpanNotInTheTextIs422AndChangesNothing() {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.update(REVISION.replace("Menteri Luar Negeri Rusia Sergey Lavrov",
                                                                   "Lavrov said nothing of the sort"));
        assertEquals(422, response.statusCode(), response::body);
        assertTrue(response.body().contains("Lavrov said nothing of the sort"), response::body);
        assertTrue(response.body().contains(SLUG), response::body);
        assertSameData(before, kg.dump());
        assertEquals("2025-08-15T00:00:00", kg.unchangedSince());
    }

    @Test
    void aSpanNotInTheTextComesAsASHACLReportOrJsonByAccept() {
        String update = REVISION.replace("Menteri Luar Negeri Rusia Sergey Lavrov", "Menteri Luar Negeri Rusia, Sergey Lavrov");
        HttpResponse<String> turtle = kg.update(update, "text/turtle");
        assertEquals(422, turtle.statusCode(), turtle::body);
        Graph report = SparqlClient.parseGraph(turtle.body(), Lang.TURTLE);
        assertTrue(report.find(null, SHACL.resultMessage, null).toList().stream()
            .anyMatch(t -> t.getObject().getLiteralLexicalForm().contains("\"Menteri Luar Negeri Rusia, Sergey Lavrov\": does not occur verbatim")),
            turtle::body);
        HttpResponse<String> json = kg.update(update, "application/json");
        assertEquals(422, json.statusCode(), json::body);
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(json.body().contains("\"check\" : \"span\"") || json.body().contains("\"check\":\"span\""), json::body);
        assertTrue(json.body().contains("Menteri Luar Negeri Rusia Sergey Lavrov"), "the nearest words of the text: " + json.body());
    }

    @Test
    void aSpanWhoseWordsRecurWithoutContextIs422AndChangesNothing() {
        Set<Quad> before = kg.dump();
        // "Sergey Lavrov" stands twice in the article: the span must say which, by oa:prefix or oa:suffix.
        HttpResponse<String> response = kg.update(REVISION.replace("Menteri Luar Negeri Rusia Sergey Lavrov", "Sergey Lavrov"));
        assertEquals(422, response.statusCode(), response::body);
        assertTrue(response.body().contains("\"Sergey Lavrov\": occurs 2 times in the text"), response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void aRefusedWriteLeavesTheReasonersInStepForTheNext() {
        assertEquals(422, kg.update(REVISION.replace("Sergey Lavrov\"", "Sergei Lavrov\"")).statusCode());
        assertEquals(422, kg.update(REVISION.replace("dkg:attributedTo id:sergey-lavrov ;", "")).statusCode());
        assertEquals(204, kg.update(REVISION).statusCode());
        assertEquals("2025-10-20T00:00:00", kg.unchangedSince());
        assertTrue(kg.ask("ASK { GRAPH <%s> { ?d dkg:premise ?p FILTER(SUBJECT(?p) = id:statement-test-revision) } }"
                          .formatted(Graphs.EXPLANATIONS)), "the revision is a premise of an explanation");
    }

    @Test
    void aSpanInAGraphWithNoKnownTextIs422() {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.update(REVISION.replace(SOURCE, Graphs.sourceGraph("no-such-article")));
        assertEquals(422, response.statusCode(), response::body);
        assertTrue(response.body().contains("No text is known for article 'no-such-article'"), response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void writingTheInferredGraphIs403WithAMessageAndChangesNothing() {
        Set<Quad> before = kg.dump();
        HttpResponse<String> insert = kg.update(PREFIXES + """
            INSERT DATA { GRAPH <%s> { id:russia-position-on-ukraine dkg:unchangedSince "1999-01-01T00:00:00"^^xsd:dateTime } }"""
            .formatted(Graphs.INFERRED));
        assertProtected(insert);
        assertProtected(kg.graphStore("PUT", Graphs.INFERRED, "text/turtle", "<https://example.org/s> <https://example.org/p> <https://example.org/o> ."));
        assertProtected(kg.graphStore("POST", Graphs.EXPLANATIONS, "text/turtle", "<https://example.org/s> <https://example.org/p> <https://example.org/o> ."));
        assertProtected(kg.graphStore("DELETE", Graphs.INFERRED, null, null));
        assertSameData(before, kg.dump());
    }

    @Test
    void triplesForTheDefaultGraphAre422() {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.update(PREFIXES + "INSERT DATA { id:sergey-lavrov rdfs:comment \"note\" }");
        assertEquals(422, response.statusCode(), response::body);
        assertTrue(response.body().contains("named graph"), response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void aMalformedUpdateIs400() {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.update(PREFIXES + "INSERT DATA { GRAPH <" + SOURCE + "> { id:x id:y } }");
        assertEquals(400, response.statusCode(), response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void aGraphStorePutOfValidTurtleReplacesTheGraph() throws IOException {
        String facts = Files.readString(Path.of("data/articles", SLUG, "facts.ttl"));
        String revised = facts + "\n@prefix id: <https://w3id.org/diplomacy-kg/id/> .\n" + REVISION_TRIPLES;
        HttpResponse<String> response = kg.graphStore("PUT", SOURCE, "text/turtle", revised);
        assertTrue(response.statusCode() == 200 || response.statusCode() == 204, () -> response.statusCode() + " " + response.body());
        assertEquals("2025-10-20T00:00:00", kg.unchangedSince());

        HttpResponse<String> back = kg.graphStore("PUT", SOURCE, "text/turtle", facts);
        assertTrue(back.statusCode() == 200 || back.statusCode() == 204, back::body);
        assertEquals("2025-08-15T00:00:00", kg.unchangedSince());
        assertFalse(kg.ask("ASK { id:statement-test-revision ?p ?o }"));
    }

    @Test
    void aGraphStorePutWithASyntaxErrorIs400AndChangesNothing() {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.graphStore("PUT", SOURCE, "text/turtle", "<https://example.org/s> <https://example.org/p> .");
        assertEquals(400, response.statusCode(), response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void aGraphStoreDeleteTheShapesForbidIs422AndChangesNothing() {
        // The reference graph says who the officials are: without it, tenures and statements
        // point at things of no known class.
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.graphStore("DELETE", Graphs.REFERENCE, null, null);
        assertEquals(422, response.statusCode(), response::body);
        assertNotConforming(SparqlClient.parseGraph(response.body(), Lang.TURTLE), null);
        assertSameData(before, kg.dump());
    }

    @Test
    void aGraphStorePutOfTheWholeDatasetIsRefused() {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = kg.send(kg.request("/kg/data").header("Content-Type", "application/n-quads")
            .PUT(BodyPublishers.ofString(
                "<https://example.org/s> <https://example.org/p> \"x\" <https://example.org/g> .")));
        assertEquals(405, response.statusCode(), response::body);
        assertTrue(response.body().contains("?graph="), response::body);
        assertSameData(before, kg.dump());
    }

    @Test
    void aGraphStoreReadOfTheDefaultGraphIsTheUnion() {
        HttpResponse<String> response = kg.send(kg.request("/kg/data?default").header("Accept", "text/turtle").GET());
        assertEquals(200, response.statusCode(), response::body);
        Graph union = SparqlClient.parseGraph(response.body(), Lang.TURTLE);
        assertTrue(union.contains(NodeFactory.createURI("https://w3id.org/diplomacy-kg/id/sergey-lavrov"), Node.ANY, Node.ANY));
    }

    private static void assertProtected(HttpResponse<String> response) {
        assertEquals(403, response.statusCode(), response::body);
        assertTrue(response.body().contains("derived triples"), response::body);
    }

    /** The report says the data does not conform, with a result for {@code focus} (a CURIE in id:) if given. */
    private static void assertNotConforming(Graph report, String focus) {
        Model model = ModelFactory.createModelForGraph(report);
        assertTrue(report.contains(Node.ANY, RDF.Nodes.type, SHACL.ValidationReport), "a sh:ValidationReport");
        assertTrue(report.contains(Node.ANY, SHACL.conforms, NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean)),
                   "sh:conforms false");
        if ( focus != null ) {
            Node node = NodeFactory.createURI(focus.replace("id:", "https://w3id.org/diplomacy-kg/id/"));
            assertTrue(report.contains(Node.ANY, SHACL.focusNode, node), () -> "a result for " + focus + " in\n" + model);
        }
    }
}
