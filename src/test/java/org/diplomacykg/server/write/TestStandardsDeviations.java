package org.diplomacykg.server.write;

import static org.diplomacykg.server.write.WriteFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's "Standards and deviations", row by row: each row's documented status and
 * message. Rows already shown elsewhere are named here and not repeated:
 * <ul>
 * <li><b>Writes into the default graph</b>: {@link TestWriteGate#triplesForTheDefaultGraphAre422}
 *     (SPARQL Update), {@link #aGraphStoreWriteToTheDefaultGraphIs422} (Graph Store Protocol).</li>
 * <li><b>The derived graphs are read-only</b>: {@link TestWriteGate#writingTheInferredGraphIs403WithAMessageAndChangesNothing}.</li>
 * <li><b>Writes are checked</b> (shapes, evidence spans): {@link TestWriteGate}.</li>
 * <li><b>Ill-typed literals refused</b>: {@link #anIllTypedLiteralIs422NamingIt}; every XSD type in
 *     {@code TestHostileUpdates#illTypedLiteralsAreRefused} and {@code TestHostileUploads#illTypedLiteralsAreRefused}.</li>
 * <li><b>Literals in canonical form</b>: {@link #numbersDatesAndBooleansComeBackInCanonicalForm},
 *     {@link #patternsMatchTheCanonicalForm}; every delete path in {@link TestDeletesDelete}.</li>
 * <li><b>LOAD refused</b>: {@code TestUpdateFetchesNothing#loadIsRefused}.</li>
 * <li><b>SERVICE refused</b>: {@code TestServiceRefused}, {@code TestUpdateFetchesNothing#serviceIsRefused}.</li>
 * <li><b>PUT without ?graph refused</b>: {@link TestWriteGate#aGraphStorePutOfTheWholeDatasetIsRefused}.</li>
 * <li><b>Quads sent to one graph refused</b>: {@link #quadsSentToOneGraphAre415}.</li>
 * <li><b>No remote JSON-LD context</b>: {@code TestNoFetching#uploadedDocumentsDoNotMakeTheServerFetch}.</li>
 * <li><b>Limits</b>: {@code TestResultLimit}, {@code TestQueryTimeout}, {@code TestBodyLimit}, {@code TestUpdateTimeout}.</li>
 * <li><b>RDF 1.2 and ARQ syntax accepted</b>: {@link #tripleTermsAndArqSyntaxAreAccepted}.</li>
 * <li><b>The explanations graph, with GRAPH</b>: {@link #theExplanationsAreReachedWithGraph}.</li>
 * <li><b>Multipart uploads</b> (taken, as by Fuseki): {@link TestMultipartUpload}.</li>
 * </ul>
 */
class TestStandardsDeviations {

    static final String SCRATCH = "https://example.org/standards";

    @RegisterExtension
    static final WriteFixture kg = WriteFixture.perClass();

    @Test
    void aGraphStoreWriteToTheDefaultGraphIs422() {
        Set<Quad> before = kg.dump();
        for ( String method : new String[] { "POST", "PUT" } ) {
            HttpResponse<String> response = kg.send(kg.request("/kg/data?default").header("Content-Type", "text/turtle")
                .method(method, BodyPublishers.ofString(
                    "<https://example.org/s> <https://example.org/p> \"in the default graph\" .")));
            assertEquals(422, response.statusCode(), response::body);
            assertTrue(response.body().contains("Triples must go into a named graph"), response::body);
        }
        assertSameData(before, kg.dump());
    }

    @Test
    void anIllTypedLiteralIs422NamingIt() {
        HttpResponse<String> response = kg.update(PREFIXES + "INSERT DATA { GRAPH <" + SCRATCH + "> { "
            + "<https://example.org/s> <https://example.org/p> \"1.5\"^^xsd:integer } }");
        assertEquals(422, response.statusCode(), response::body);
        assertTrue(response.body().contains("\"1.5\" is not a valid xsd:integer"), response::body);
    }

    @Test
    void numbersDatesAndBooleansComeBackInCanonicalForm() {
        HttpResponse<String> response = kg.update(PREFIXES + "INSERT DATA { GRAPH <" + SCRATCH + "> { "
            + "<https://example.org/canonical> <https://example.org/p> \"5\"^^xsd:decimal , \"1.0e6\"^^xsd:double , "
            + "\"007\"^^xsd:integer , \"1\"^^xsd:boolean , \"2025-10-20T10:00:00.500+00:00\"^^xsd:dateTime } }");
        assertEquals(204, response.statusCode(), response::body);
        Set<String> read = new TreeSet<>();
        SparqlClient.select(kg.kg.sparqlUrl(), "SELECT ?o { GRAPH <" + SCRATCH + "> { <https://example.org/canonical> ?p ?o } }")
                    .forEachRemaining((QuerySolution row) -> read.add(row.getLiteral("o").getLexicalForm()));
        assertEquals(new TreeSet<>(Set.of("5.0", "1000000.0e0", "7", "true", "2025-10-20T10:00:00.5+00:00")), read);
    }

    @Test
    void patternsMatchTheCanonicalForm() {
        HttpResponse<String> response = kg.update(PREFIXES + "INSERT DATA { GRAPH <" + SCRATCH + "> { "
            + "<https://example.org/pattern> <https://example.org/p> \"5\"^^xsd:decimal } }");
        assertEquals(204, response.statusCode(), response::body);
        String s = "<https://example.org/pattern> <https://example.org/p> ";
        assertTrue(kg.ask("ASK { " + s + "5.0 }"), "the canonical form matches");
        assertTrue(kg.ask("ASK { " + s + "?o FILTER(?o = 5) }"), "a comparison is by value");
        assertFalse(kg.ask("ASK { " + s + "\"5\"^^xsd:decimal }"), "the form written does not match a pattern");
        // ... but names the literal in a delete.
        assertEquals(204, kg.update(PREFIXES + "DELETE DATA { GRAPH <" + SCRATCH + "> { " + s + "\"5\"^^xsd:decimal } }").statusCode());
        assertFalse(kg.ask("ASK { " + s + "?o }"));
    }

    @Test
    void quadsSentToOneGraphAre415() {
        HttpResponse<String> response = kg.graphStore("POST", SCRATCH, "application/n-quads",
            "<https://example.org/s> <https://example.org/p> \"q\" <https://example.org/elsewhere> .");
        assertEquals(415, response.statusCode(), response::body);
        assertTrue(response.body().contains("The document names graphs"), response::body);
    }

    @Test
    void tripleTermsAndArqSyntaxAreAccepted() {
        // RDF 1.2 triple terms: not SPARQL 1.1, taken by ARQ's parser and stored by TDB2.
        HttpResponse<String> write = kg.update("INSERT DATA { GRAPH <" + SCRATCH + "> { <https://example.org/claim> "
            + "<https://example.org/about> <<( <https://example.org/a> <https://example.org/b> <https://example.org/c> )>> } }");
        assertEquals(204, write.statusCode(), write::body);
        assertTrue(kg.ask("ASK { GRAPH <" + SCRATCH + "> { ?claim <https://example.org/about> <<( ?s ?p <https://example.org/c> )>> } }"));
        HttpResponse<String> upload = kg.graphStore("POST", SCRATCH, "text/turtle", "<https://example.org/claim> "
            + "<https://example.org/about> <<( <https://example.org/x> <https://example.org/y> \"z\" )>> .");
        assertEquals(2, upload.statusCode() / 100, upload::body);
        assertTrue(kg.ask("ASK { GRAPH <" + SCRATCH + "> { ?claim ?about <<( <https://example.org/x> ?p \"z\" )>> } }"));
        // An ARQ extension (LATERAL, from the SPARQL 1.2 drafts).
        HttpResponse<String> lateral = SparqlClient.postQuery(kg.kg.sparqlUrl(),
            "SELECT * { ?s a ?c LATERAL { SELECT ?l { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 1 } } LIMIT 1",
            SparqlClient.RESULTS_JSON);
        assertEquals(200, lateral.statusCode(), lateral::body);
    }

    @Test
    void theExplanationsAreReachedWithGraph() {
        assertTrue(kg.ask("ASK { GRAPH <" + Graphs.EXPLANATIONS + "> { ?derivation dkg:derivedBy ?rule } }"));
    }
}
