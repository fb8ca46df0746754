package org.diplomacykg.server.linkeddata;

import static org.diplomacykg.SparqlClient.get;
import static org.diplomacykg.SparqlClient.mediaType;
import static org.diplomacykg.SparqlClient.requireOk;
import static org.diplomacykg.SparqlClient.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** /id/{slug} as RDF: every syntax, q-values, inferred triples apart in quad syntaxes, no explanations. */
class TestResourceFormats {

    private static final Node LAVROV = DKG.Nodes.id("sergey-lavrov");
    private static final Node RUBIO = DKG.Nodes.id("marco-rubio");
    private static final Node CALL = DKG.Nodes.id("lavrov-rubio-call-2025-10-20");
    private static final Node COUNTERPART = DKG.Nodes.term("counterpart");
    private static final Node PARTICIPANT = DKG.Nodes.term("participant");
    private static final Node LABEL_EN = NodeFactory.createLiteralLang("Sergey Lavrov", "en");

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();

    private static String url(String slug) {
        return kg.baseUrl() + "/id/" + slug;
    }

    private static Graph parse(HttpResponse<String> response, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(response.body(), lang).parse(graph);
        return graph;
    }

    /** Every triple, whatever graph it is in. */
    private static Graph allTriples(DatasetGraph dataset) {
        Graph graph = GraphFactory.createDefaultGraph();
        dataset.find().forEachRemaining(quad -> graph.add(quad.asTriple()));
        return graph;
    }

    private static DatasetGraph parseQuads(HttpResponse<String> response, Lang lang) {
        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(response.body(), lang).parse(dataset);
        return dataset;
    }

    @ParameterizedTest
    @EnumSource(value = ResponseFormat.class, names = { "TURTLE", "JSONLD", "RDFXML", "NTRIPLES", "NQUADS", "TRIG" })
    void eachSyntaxDescribesTheThing(ResponseFormat format) {
        HttpResponse<String> response = get(url("sergey-lavrov"), format.mediaType());
        requireOk(response);
        assertEquals(format.mediaType(), mediaType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(null));
        Graph graph = allTriples(parseQuads(response, format.lang()));
        assertTrue(graph.contains(LAVROV, RDFS.Nodes.label, LABEL_EN), "own label");
        assertTrue(graph.contains(CALL, PARTICIPANT, LAVROV), "inbound link");
        assertTrue(graph.contains(CALL, RDFS.Nodes.label, Node.ANY), "label of a linked thing");
        assertTrue(graph.contains(LAVROV, COUNTERPART, RUBIO), "inferred triple");
    }

    @ParameterizedTest
    @EnumSource(value = ResponseFormat.class, names = { "TURTLE", "NTRIPLES", "NQUADS", "TRIG" })
    void textualSyntaxesDeclareUtf8(ResponseFormat format) {
        HttpResponse<String> response = get(url("russia"), format.mediaType());
        MediaType contentType = MediaType.create(response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("utf-8", String.valueOf(contentType.getCharset()).toLowerCase());
        assertTrue(response.body().contains("\"Rusia\"@id"), "UTF-8 text arrives intact");
    }

    @Test
    void qValuesAreHonoured() {
        HttpResponse<String> response = get(url("sergey-lavrov"), "application/rdf+xml;q=0.5, text/turtle;q=0.9");
        requireOk(response);
        assertEquals("text/turtle", mediaType(response));

        response = get(url("sergey-lavrov"), "text/turtle;q=0.5, application/rdf+xml");
        assertEquals("application/rdf+xml", mediaType(response));
    }

    @Test
    void anythingGivesTurtle() {
        assertEquals("text/turtle", mediaType(get(url("russia"), "*/*")));
    }

    @Test
    void formatParameterOverridesAccept() {
        HttpResponse<String> response = get(url("russia") + "?format=nt", "text/html");
        requireOk(response);
        assertEquals("application/n-triples", mediaType(response));
    }

    @Test
    void nQuadsPutInferredTriplesInTheInferredGraph() {
        HttpResponse<String> response = get(url("sergey-lavrov"), "application/n-quads");
        requireOk(response);
        DatasetGraph dataset = parseQuads(response, Lang.NQUADS);
        Graph inferred = dataset.getGraph(Graphs.Nodes.INFERRED);
        Graph asserted = dataset.getDefaultGraph();
        assertTrue(inferred.contains(LAVROV, COUNTERPART, RUBIO), "counterpart is inferred");
        assertFalse(asserted.contains(LAVROV, COUNTERPART, RUBIO), "and not asserted");
        assertTrue(asserted.contains(LAVROV, RDFS.Nodes.label, LABEL_EN), "labels are asserted");
        assertTrue(asserted.contains(CALL, PARTICIPANT, LAVROV), "participation is asserted");
        assertFalse(inferred.contains(CALL, PARTICIPANT, LAVROV));
        assertEquals(1, dataset.size(), "one named graph, the inferred one");
    }

    @Test
    void triGKeepsTheSameSplit() {
        DatasetGraph dataset = parseQuads(get(url("sergey-lavrov"), "application/trig"), Lang.TRIG);
        assertTrue(dataset.getGraph(Graphs.Nodes.INFERRED).contains(LAVROV, RDF.Nodes.type, DKG.Nodes.Official));
        assertTrue(dataset.getDefaultGraph().contains(LAVROV, RDF.Nodes.type, DKG.Nodes.term("Person")));
    }

    @Test
    void explanationsAreNotPartOfTheDescription() {
        DatasetGraph dataset = parseQuads(get(url("sergey-lavrov"), "application/n-quads"), Lang.NQUADS);
        Graph all = allTriples(dataset);
        assertFalse(all.contains(Node.ANY, RDF.Nodes.subject, Node.ANY), "no rdf:subject");
        assertFalse(all.contains(Node.ANY, RDF.Nodes.object, Node.ANY), "no rdf:object");
        assertFalse(all.contains(Node.ANY, DKG.Nodes.derivedBy, Node.ANY), "no dkg:derivedBy");
        assertFalse(dataset.containsGraph(Graphs.Nodes.EXPLANATIONS));
    }

    @Test
    void evidenceQuotesComeWithTheThing() {
        Node statement = DKG.Nodes.id("statement-lavrov-no-point-adjusted-since-alaska-2025-10-21");
        Graph graph = parse(get(url("statement-lavrov-no-point-adjusted-since-alaska-2025-10-21"), "text/turtle"), Lang.TURTLE);
        // The span is named (docs/architecture.md) and its words come with the thing.
        Node selector = graph.find(statement, DKG.Nodes.evidence, Node.ANY).next().getObject();
        assertEquals(DKG.Nodes.id("lavrov-rubio-2025-10-span-no-point-adjusted"), selector);
        Node exact = NodeFactory.createURI("http://www.w3.org/ns/oa#exact");
        String quote = graph.find(selector, exact, Node.ANY).next().getObject().getLiteralLexicalForm();
        assertTrue(quote.startsWith("Rusia tidak menyesuaikan poin apa pun"), quote);
    }

    @Test
    void linkHeaderNamesTheOtherFormats() {
        HttpResponse<String> response = get(url("russia"), "text/turtle");
        String link = response.headers().firstValue("Link").orElse("");
        assertTrue(link.contains("<" + url("russia") + "?format=jsonld>; rel=\"alternate\"; type=\"application/ld+json\""), link);
        assertTrue(link.contains("type=\"text/html\""), link);
        assertFalse(link.contains("type=\"text/turtle\""), "not the one served: " + link);
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        HttpResponse<String> get = get(url("russia"), "text/turtle");
        HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(url("russia")))
            .header("Accept", "text/turtle")
            .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("text/turtle", mediaType(head));
        assertEquals("Accept", head.headers().firstValue("Vary").orElse(null));
        assertEquals("", head.body());
        assertEquals(get.headers().firstValue("Content-Length"), head.headers().firstValue("Content-Length"));
    }

    @Test
    void aThingOnlyTheReasonersKnowIsDescribed() {
        HttpResponse<String> response = get(url("disagreement-russia-united-states-proposal-halt-hostilities-along-current-front-line"), "application/n-quads");
        requireOk(response);
        DatasetGraph dataset = parseQuads(response, Lang.NQUADS);
        assertTrue(dataset.getGraph(Graphs.Nodes.INFERRED).contains(Node.ANY, DKG.Nodes.disagreeingParty, DKG.Nodes.id("russia")));
    }
}
