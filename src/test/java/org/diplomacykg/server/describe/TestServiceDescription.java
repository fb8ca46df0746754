package org.diplomacykg.server.describe;

import static org.diplomacykg.SparqlClient.RESULTS_JSON;
import static org.diplomacykg.SparqlClient.TURTLE;
import static org.diplomacykg.SparqlClient.ask;
import static org.diplomacykg.SparqlClient.get;
import static org.diplomacykg.SparqlClient.getQuery;
import static org.diplomacykg.SparqlClient.mediaType;
import static org.diplomacykg.SparqlClient.parseGraph;
import static org.diplomacykg.SparqlClient.requireOk;
import static org.diplomacykg.SparqlClient.select;
import static org.diplomacykg.SparqlClient.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A GET on /kg/sparql without a query describes the service; queries still work. */
class TestServiceDescription {

    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String PROV = "http://www.w3.org/ns/prov#";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();
    /** As {@code serve --base-url https://kg.example.org}. */
    @RegisterExtension
    static final KgServerExtension behindProxy = KgServerExtension.project().publicBaseUrl("https://kg.example.org");

    @Test
    void describesTheServiceInTurtle() {
        HttpResponse<String> response = get(kg.sparqlUrl(), TURTLE);
        requireOk(response);
        assertEquals("text/turtle", mediaType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(null));

        Model m = model(response.body(), Lang.TURTLE);
        Resource service = service(m);
        assertEquals(kg.sparqlUrl(), service.getPropertyResourceValue(sd(m, "endpoint")).getURI());
        assertTrue(!service.hasProperty(sd(m, "feature"), m.createResource(SD + "UnionDefaultGraph")),
                   "the default graph leaves the explanations graph out");
        assertTrue(service.hasProperty(sd(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Query")));
        assertTrue(!service.hasProperty(sd(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Update")),
                   "the server is read-only");
        Set<String> formats = service.listProperties(sd(m, "resultFormat")).mapWith(s -> s.getResource().getURI()).toSet();
        for ( String f : List.of("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                                 "Turtle", "JSON-LD", "RDF_XML", "N-Triples") )
            assertTrue(formats.contains("http://www.w3.org/ns/formats/" + f), f);
    }

    @Test
    void listsEveryNamedGraphWithItsTripleCount() {
        Model m = model(get(kg.sparqlUrl(), TURTLE).body(), Lang.TURTLE);
        Resource dataset = service(m).getPropertyResourceValue(sd(m, "defaultDataset"));

        Map<String, Long> described = new HashMap<>();
        dataset.listProperties(sd(m, "namedGraph")).forEach(s -> {
            Resource ng = s.getResource();
            Resource graph = ng.getPropertyResourceValue(sd(m, "graph"));
            described.put(ng.getPropertyResourceValue(sd(m, "name")).getURI(), graph.getProperty(VOID.triples).getLong());
        });
        assertEquals(sparqlGraphCounts(kg.sparqlUrl()), described);
        assertTrue(described.containsKey("https://w3id.org/diplomacy-kg/graph/explanations"), described.toString());
        Resource explanations = m.listResourcesWithProperty(sd(m, "name"), m.createResource("https://w3id.org/diplomacy-kg/graph/explanations"))
            .next().getPropertyResourceValue(sd(m, "graph"));
        assertTrue(explanations.getProperty(DCTerms.description).getString().contains("Not part of the SPARQL default graph"));

        long union = select(kg.sparqlUrl(), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").next().getLiteral("n").getLong();
        Resource defaultGraph = dataset.getPropertyResourceValue(sd(m, "defaultGraph"));
        assertEquals(union, defaultGraph.getProperty(VOID.triples).getLong());
        assertTrue(defaultGraph.getProperty(DCTerms.description).getString().contains("except the explanations graph"));
    }

    @Test
    void saysHowTheInferredGraphIsMade() {
        Model m = model(get(kg.sparqlUrl(), TURTLE).body(), Lang.TURTLE);
        Resource inferred = m.listResourcesWithProperty(sd(m, "name"),
                m.createResource("https://w3id.org/diplomacy-kg/graph/inferred"))
            .next().getPropertyResourceValue(sd(m, "graph"));
        Resource activity = inferred.getPropertyResourceValue(m.createProperty(PROV, "wasGeneratedBy"));
        Set<String> rules = activity.listProperties(m.createProperty(PROV, "used")).mapWith(s -> s.getResource().getURI()).toSet();
        assertTrue(rules.contains("https://w3id.org/diplomacy-kg/rule/position-continuity"), rules.toString());
        assertTrue(rules.contains("https://w3id.org/diplomacy-kg/rule/owl-subclass"), rules.toString());
        // Not a standard entailment regime: queries see the materialised triples with simple entailment.
        assertTrue(!m.contains(null, sd(m, "entailmentRegime"), (RDFNode) null));
        assertEquals("http://www.w3.org/ns/entailment/Simple",
                     service(m).getPropertyResourceValue(sd(m, "defaultEntailmentRegime")).getURI());
    }

    @Test
    void negotiatesTheSyntax() {
        Model turtle = model(get(kg.sparqlUrl(), TURTLE).body(), Lang.TURTLE);
        Map<String, Lang> syntaxes = Map.of(
            "application/ld+json", Lang.JSONLD,
            "application/rdf+xml", Lang.RDFXML,
            "application/n-triples", Lang.NTRIPLES);
        for ( Map.Entry<String, Lang> e : syntaxes.entrySet() ) {
            HttpResponse<String> response = get(kg.sparqlUrl(), e.getKey());
            requireOk(response);
            assertEquals(e.getKey(), mediaType(response));
            assertTrue(turtle.isIsomorphicWith(model(response.body(), e.getValue())), e.getKey());
        }
        // No Accept: Turtle. A browser: Turtle as plain text, which it shows.
        HttpResponse<String> none = send(HttpRequest.newBuilder(URI.create(kg.sparqlUrl())).GET());
        assertEquals("text/turtle", mediaType(none));
        HttpResponse<String> browser = get(kg.sparqlUrl(), "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals("text/plain", mediaType(browser));
        assertTrue(turtle.isIsomorphicWith(model(browser.body(), Lang.TURTLE)));

        HttpResponse<String> image = get(kg.sparqlUrl(), "image/png");
        assertEquals(406, image.statusCode());
        assertTrue(image.body().contains("text/turtle"), image.body());
    }

    @Test
    void queriesStillGoToFuseki() {
        // GET with ?query=
        HttpResponse<String> response = getQuery(kg.sparqlUrl(), "ASK { ?s ?p ?o }", RESULTS_JSON);
        requireOk(response);
        assertTrue(ResultSetMgr.readBoolean(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                                            ResultSetLang.RS_JSON));
        // POST
        assertTrue(ask(kg.sparqlUrl(), "ASK { ?s ?p ?o }"));
        // Results in another format, by GET.
        HttpResponse<String> rows = getQuery(kg.sparqlUrl(), "SELECT ?s { ?s ?p ?o } LIMIT 1", "text/csv");
        requireOk(rows);
        assertEquals("text/csv", mediaType(rows));
        assertTrue(rows.body().startsWith("s\r\n"), rows.body());
        // A CORS preflight is answered by the CORS filter, not the description.
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(kg.sparqlUrl()))
            .header("Origin", "http://notebook.example")
            .header("Access-Control-Request-Method", "POST")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, preflight.statusCode());
        assertTrue(!preflight.body().contains(SD));
    }

    @Test
    void everyQueryEndpointDescribesItself() {
        for ( String endpoint : new String[] { kg.datasetUrl(), kg.datasetUrl() + "/query" } ) {
            HttpResponse<String> response = get(endpoint, TURTLE);
            requireOk(response);
            assertTrue(response.body().contains(SD), endpoint);
        }
    }

    @Test
    void endpointIsThePublicBaseUrlWhenConfigured() {
        Model m = model(get(behindProxy.sparqlUrl(), TURTLE).body(), Lang.TURTLE);
        Resource service = service(m);
        assertEquals("https://kg.example.org/kg/sparql", service.getPropertyResourceValue(sd(m, "endpoint")).getURI());
        assertTrue(service.getPropertyResourceValue(sd(m, "defaultDataset")).getURI()
                       .startsWith("https://kg.example.org/.well-known/void"));
    }

    /** Triples per named graph, as a client counts them. */
    static Map<String, Long> sparqlGraphCounts(String endpoint) {
        Map<String, Long> counts = new HashMap<>();
        select(endpoint, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
            .forEachRemaining(r -> counts.put(r.getResource("g").getURI(), r.getLiteral("n").getLong()));
        return counts;
    }

    private static Resource service(Model m) {
        List<Resource> services = m.listResourcesWithProperty(RDF.type, m.createResource(SD + "Service")).toList();
        assertEquals(1, services.size(), "one sd:Service");
        return services.get(0);
    }

    private static Property sd(Model m, String localName) {
        return m.createProperty(SD, localName);
    }

    private static Model model(String body, Lang lang) {
        Graph graph = parseGraph(body, lang);
        return ModelFactory.createModelForGraph(graph);
    }
}
