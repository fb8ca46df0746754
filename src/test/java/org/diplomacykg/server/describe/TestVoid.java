package org.diplomacykg.server.describe;

import static org.diplomacykg.SparqlClient.TURTLE;
import static org.diplomacykg.SparqlClient.get;
import static org.diplomacykg.SparqlClient.mediaType;
import static org.diplomacykg.SparqlClient.parseGraph;
import static org.diplomacykg.SparqlClient.requireOk;
import static org.diplomacykg.SparqlClient.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.vocab.DKG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /.well-known/void describes the dataset with figures a client can check with SPARQL. */
class TestVoid {

    private static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();
    /** As {@code serve --base-url https://kg.example.org}. */
    @RegisterExtension
    static final KgServerExtension behindProxy = KgServerExtension.project().publicBaseUrl("https://kg.example.org");
    private static Model voidModel;
    private static Resource dataset;

    @BeforeAll
    static void start() {
        HttpResponse<String> response = get(kg.baseUrl() + "/.well-known/void", TURTLE);
        requireOk(response);
        assertEquals("text/turtle", mediaType(response));
        assertEquals("Accept", response.headers().firstValue("Vary").orElse(null));
        voidModel = model(response.body(), Lang.TURTLE);
        dataset = voidModel.createResource(kg.baseUrl() + "/.well-known/void#dataset");
    }

    @Test
    void figuresAreWhatSparqlCounts() {
        assertTrue(dataset.hasProperty(RDF.type, VOID.Dataset));
        assertEquals(count("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"), dataset.getProperty(VOID.triples).getLong());
        assertEquals(count("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o FILTER(isIRI(?s)) }"),
                     dataset.getProperty(VOID.entities).getLong());
        assertEquals(count("SELECT (COUNT(DISTINCT ?c) AS ?n) { ?x a ?c }"), dataset.getProperty(VOID.classes).getLong());
        assertEquals(count("SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }"), dataset.getProperty(VOID.properties).getLong());
        assertEquals(count("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }"), dataset.getProperty(VOID.distinctSubjects).getLong());
        assertEquals(count("SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }"), dataset.getProperty(VOID.distinctObjects).getLong());
    }

    @Test
    void oneSubsetPerNamedGraph() {
        Map<String, Long> subsets = new HashMap<>();
        dataset.listProperties(sd("namedGraph")).forEach(s -> {
            Resource ng = s.getResource();
            Resource subset = ng.getPropertyResourceValue(sd("graph"));
            assertTrue(dataset.hasProperty(VOID.subset, subset), "the named graph is a subset: " + subset);
            assertTrue(subset.getURI().startsWith(kg.baseUrl() + "/.well-known/void#graph/"), subset.getURI());
            subsets.put(ng.getPropertyResourceValue(sd("name")).getURI(), subset.getProperty(VOID.triples).getLong());
        });
        assertEquals(TestServiceDescription.sparqlGraphCounts(kg.sparqlUrl()), subsets);
        assertEquals(subsets.size(), dataset.listProperties(VOID.subset).toList().size());
    }

    @Test
    void dumpsHoldWhatTheFiguresSay() {
        // The whole dataset's dump is the union; each subset's is its graph.
        String dump = dataset.getPropertyResourceValue(VOID.dataDump).getURI();
        assertEquals(dataset.getProperty(VOID.triples).getLong(), parseGraph(dumpBody(dump), Lang.TURTLE).size());
        for ( Resource subset : voidModel.listObjectsOfProperty(dataset, VOID.subset).mapWith(n -> n.asResource()).toList() ) {
            String url = subset.getPropertyResourceValue(VOID.dataDump).getURI();
            assertEquals(subset.getProperty(VOID.triples).getLong(), parseGraph(dumpBody(url), Lang.TURTLE).size(), url);
        }
    }

    @Test
    void linksAndVocabularies() {
        assertEquals(kg.sparqlUrl(), dataset.getPropertyResourceValue(VOID.sparqlEndpoint).getURI());
        assertEquals(DKG.ID_BASE, dataset.getProperty(VOID.uriSpace).getString());
        Set<String> examples = dataset.listProperties(VOID.exampleResource).mapWith(s -> s.getResource().getURI()).toSet();
        assertTrue(examples.contains(DKG.id("sergey-lavrov")), examples.toString());
        assertTrue(examples.contains(DKG.id("russia-position-on-ukraine")), examples.toString());
        Set<String> vocabularies = dataset.listProperties(VOID.vocabulary).mapWith(s -> s.getResource().getURI()).toSet();
        for ( String ns : List.of(DKG.NS, "http://www.w3.org/2000/01/rdf-schema#", "http://purl.org/dc/terms/",
                                  "http://www.w3.org/ns/oa#") )
            assertTrue(vocabularies.contains(ns), "vocabulary " + ns + " in " + vocabularies);
        assertTrue(vocabularies.stream().noneMatch(v -> v.startsWith(DKG.ID_BASE)), vocabularies.toString());
        assertTrue(dataset.hasProperty(voidModel.createProperty("http://purl.org/dc/terms/", "title")));
        assertTrue(dataset.hasProperty(voidModel.createProperty("http://purl.org/dc/terms/", "license")));
    }

    @Test
    void classAndPropertyPartitions() {
        String state = DKG.NS + "State";
        Resource partition = voidModel.listResourcesWithProperty(VOID._class, voidModel.createResource(state)).next();
        assertTrue(dataset.hasProperty(VOID.classPartition, partition));
        assertEquals(count("SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a <" + state + "> }"), partition.getProperty(VOID.entities).getLong());

        String participant = DKG.NS + "participant";
        Resource byProperty = voidModel.listResourcesWithProperty(VOID.property, voidModel.createResource(participant)).next();
        assertEquals(count("SELECT (COUNT(*) AS ?n) { ?s <" + participant + "> ?o }"), byProperty.getProperty(VOID.triples).getLong());
        assertEquals(dataset.getProperty(VOID.classes).getLong(), dataset.listProperties(VOID.classPartition).toList().size());
        assertEquals(dataset.getProperty(VOID.properties).getLong(), dataset.listProperties(VOID.propertyPartition).toList().size());
    }

    @Test
    void negotiatesTheSyntax() {
        String url = kg.baseUrl() + "/.well-known/void";
        for ( Map.Entry<String, Lang> e : Map.of("application/ld+json", Lang.JSONLD,
                                                 "application/rdf+xml", Lang.RDFXML,
                                                 "application/n-triples", Lang.NTRIPLES).entrySet() ) {
            HttpResponse<String> response = get(url, e.getKey());
            requireOk(response);
            assertEquals(e.getKey(), mediaType(response));
            assertTrue(voidModel.isIsomorphicWith(model(response.body(), e.getValue())), e.getKey());
        }
        assertEquals(406, get(url, "application/pdf").statusCode());
    }

    @Test
    void linksUseTheConfiguredBaseUrl() {
        Model m = model(get(behindProxy.baseUrl() + "/.well-known/void", TURTLE).body(), Lang.TURTLE);
        Resource ds = m.createResource("https://kg.example.org/.well-known/void#dataset");
        assertEquals("https://kg.example.org/kg/sparql", ds.getPropertyResourceValue(VOID.sparqlEndpoint).getURI());
        assertTrue(m.listSubjects().toList().stream().filter(Resource::isURIResource)
                    .noneMatch(r -> r.getURI().startsWith("http://localhost")), "no link to the local address");
    }

    private static String dumpBody(String url) {
        // The dump links point at this server: the base is the request's own.
        HttpResponse<String> response = get(url, TURTLE);
        requireOk(response);
        return response.body();
    }

    private static long count(String query) {
        return select(kg.sparqlUrl(), query).next().getLiteral("n").getLong();
    }

    private static Property sd(String localName) {
        return voidModel.createProperty(SD, localName);
    }

    private static Model model(String body, Lang lang) {
        return ModelFactory.createModelForGraph(parseGraph(body, lang));
    }
}
