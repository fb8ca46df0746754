package org.diplomacykg.server.hostile;

import static org.diplomacykg.server.hostile.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server never fetches an address a client names: not for {@code SERVICE} in a query or an
 * update, not for {@code LOAD}, not for a JSON-LD {@code @context} or an XML entity or DTD in an
 * uploaded document. Each names a local server that counts the requests it gets (and would
 * answer with good RDF); each is refused, and the count stays 0.
 */
class TestNoFetching {

    @RegisterExtension
    static final Hostile writable = Hostile.writable();
    @RegisterExtension
    static final Hostile readOnly = Hostile.readOnly();
    private static HttpServer elsewhere;
    private static final List<String> fetched = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        try {
            elsewhere = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        elsewhere.createContext("/", exchange -> {
            fetched.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            // Something each fetcher would gladly use.
            byte[] body = "<https://w3id.org/diplomacy-kg/id/fetched> <http://www.w3.org/2000/01/rdf-schema#label> \"fetched\" .\n"
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/turtle");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        elsewhere.start();
    }

    @AfterAll
    static void stop() {
        if ( elsewhere != null )
            elsewhere.stop(0);
    }

    @AfterEach
    void nothingWasFetched() {
        List<String> requests = List.copyOf(fetched);
        fetched.clear();
        assertEquals(List.of(), requests, "the server fetched an address a client named");
    }

    private static String address(String path) {
        return "http://localhost:" + elsewhere.getAddress().getPort() + path;
    }

    private static HttpResponse<String> refused(Hostile kg, Supplier<HttpResponse<String>> request, int... allowed) {
        Set<Quad> before = kg.dump();
        HttpResponse<String> response = request.get();
        assertRefused(response, allowed);
        assertSameData(before, kg.dump(), show(response));
        kg.assertAlive();
        return response;
    }

    @Test
    void serviceInAQueryIsRefused() {
        String url = address("/sparql");
        for ( Hostile kg : new Hostile[] { writable, readOnly } ) {
            for ( String query : new String[] {
                    "SELECT * { SERVICE <" + url + "> { ?s ?p ?o } }",
                    "SELECT * { SERVICE SILENT <" + url + "> { ?s ?p ?o } }",
                    "select * { service <" + url + "> { ?s ?p ?o } }",
                    "SELECT * { ?x ?y ?z OPTIONAL { SERVICE <" + url + "> { ?s ?p ?o } } } LIMIT 1",
                    "SELECT * { { SELECT * { SERVICE <" + url + "> { ?s ?p ?o } } } }",
                    "SELECT * { VALUES ?g { <" + url + "> } SERVICE ?g { ?s ?p ?o } }",
                    "SELECT * { BIND(<" + url + "> AS ?g) SERVICE ?g { ?s ?p ?o } }",
                    "ASK { FILTER EXISTS { SERVICE <" + url + "> { ?s ?p ?o } } }",
                    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <" + url + "> { ?s ?p ?o } }",
                    "DESCRIBE ?s WHERE { SERVICE <" + url + "> { ?s ?p ?o } }",
                    "SELECT * FROM <" + url + "> { ?s ?p ?o }",
                    "SELECT * FROM NAMED <" + url + "> { GRAPH ?g { ?s ?p ?o } }",
                    "PREFIX e: <" + url + "> SELECT * { SERVICE e: { ?s ?p ?o } }" } ) {
                HttpResponse<String> response = kg.query(query);
                // FROM may be refused or ignored, and SERVICE SILENT (or in EXISTS, where an error is
                // false) may fail silently; what matters is that nothing is fetched (checked after each test).
                if ( query.contains(" FROM ") || query.contains("SILENT") || query.contains("EXISTS") )
                    assertNotServerError(response);
                else
                    assertRefused(response);
            }
            // The dataset parameters of the protocol name graphs to fetch too.
            assertNotServerError(kg.send(kg.anonymous("/kg/sparql?query=" + encode("SELECT * { ?s ?p ?o } LIMIT 1")
                                                        + "&default-graph-uri=" + encode(url)).GET()));
            assertNotServerError(kg.send(kg.anonymous("/kg/sparql?query=" + encode("SELECT * { GRAPH ?g { ?s ?p ?o } } LIMIT 1")
                                                        + "&named-graph-uri=" + encode(url)).GET()));
            kg.assertAlive();
        }
    }

    @Test
    void loadInAnUpdateIsRefused() {
        String url = address("/data.ttl");
        for ( String update : new String[] {
                "LOAD <" + url + ">",
                "LOAD <" + url + "> INTO GRAPH <" + SCRATCH + ">",
                "LOAD SILENT <" + url + "> INTO GRAPH <" + SCRATCH + ">",
                "load <" + url + "> into graph <" + SCRATCH + ">",
                "INSERT DATA { GRAPH <" + SCRATCH + "> { <urn:x:s> <urn:x:p> 1 } } ; LOAD <" + url + "> INTO GRAPH <" + SCRATCH + ">",
                "LOAD <file:///etc/passwd> INTO GRAPH <" + SCRATCH + ">",
                "LOAD <file:pom.xml> INTO GRAPH <" + SCRATCH + ">",
                "LOAD <ontology/diplomacy.ttl> INTO GRAPH <" + SCRATCH + ">" } ) {
            HttpResponse<String> response = refused(writable, () -> writable.update(update));
            assertNoStackTrace(response.body(), show(response));
            refused(writable, () -> writable.bytes("POST", "/kg/update", SparqlClient.FORM, utf8("update=" + encode(update)), true));
        }
    }

    @Test
    void serviceInAnUpdateIsRefused() {
        String url = address("/sparql");
        for ( String update : new String[] {
                "INSERT { GRAPH <" + SCRATCH + "> { ?s ?p ?o } } WHERE { SERVICE <" + url + "> { ?s ?p ?o } }",
                "INSERT { GRAPH <" + SCRATCH + "> { ?s ?p ?o } } WHERE { SERVICE SILENT <" + url + "> { ?s ?p ?o } }",
                "DELETE { GRAPH <" + SCRATCH + "> { ?s ?p ?o } } WHERE { SERVICE <" + url + "> { ?s ?p ?o } }",
                "INSERT { GRAPH <" + SCRATCH + "> { ?s ?p ?o } } USING <" + url + "> WHERE { ?s ?p ?o }" } ) {
            Set<Quad> before = writable.dump();
            HttpResponse<String> response = writable.update(update);
            // USING names a graph of the dataset, and SERVICE SILENT may fail silently: neither must fetch.
            if ( update.contains("USING") || update.contains("SILENT") )
                assertNotServerError(response);
            else
                assertRefused(response);
            assertSameData(before, writable.dump(), show(response));
        }
    }

    @Test
    void uploadedDocumentsDoNotMakeTheServerFetch() {
        String context = address("/context.jsonld");
        byte[] jsonld = utf8("{\"@context\": \"" + context + "\", \"@id\": \"https://w3id.org/diplomacy-kg/id/hostile-thing\", \"label\": \"x\"}");
        refused(writable, () -> writable.put(SCRATCH, "application/ld+json", jsonld), 400);
        byte[] jsonldArray = utf8("{\"@context\": [\"" + context + "\", {\"x\": \"urn:x:\"}], \"@id\": \"urn:x:s\", \"x:p\": \"x\"}");
        refused(writable, () -> writable.put(SCRATCH, "application/ld+json", jsonldArray), 400);
        byte[] imported = utf8("{\"@context\": {\"@version\": 1.1, \"@import\": \"" + context + "\"}, \"@id\": \"urn:x:s\", \"label\": \"x\"}");
        refused(writable, () -> writable.put(SCRATCH, "application/ld+json", imported), 400);

        String rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\">"
                     + "<rdf:Description rdf:about=\"https://w3id.org/diplomacy-kg/id/hostile-thing\"><rdfs:label>&e;</rdfs:label>"
                     + "</rdf:Description></rdf:RDF>";
        byte[] fileContext = utf8("{\"@context\": \"file:///etc/passwd\", \"@id\": \"urn:x:s\", \"label\": \"x\"}");
        HttpResponse<String> file = refused(writable, () -> writable.put(SCRATCH, "application/ld+json", fileContext), 400);
        assertFalse(file.body().contains("root:"), show(file));

        // External entities and DTDs in RDF/XML: Jena reads none of them (an external entity reads
        // as empty text), so the document may be taken; what it must not do is fetch.
        byte[] entity = utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY e SYSTEM \"" + address("/entity") + "\"> ]>\n" + rdf);
        byte[] dtd = utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF SYSTEM \"" + address("/dtd") + "\">\n" + rdf.replace("&e;", "x"));
        byte[] parameterEntity = utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY % p SYSTEM \"" + address("/pe") + "\"> %p; ]>\n"
                                      + rdf.replace("&e;", "x"));
        for ( byte[] document : new byte[][] { entity, dtd, parameterEntity } ) {
            assertNotServerError(writable.put(SCRATCH, "application/rdf+xml", document));
            assertFalse(writable.graph(org.apache.jena.graph.NodeFactory.createURI(SCRATCH)).toString().contains("fetched"));
        }
        writable.assertAlive();

        // The article endpoint takes Turtle facts, which cannot name anything to fetch, but try a JSON-LD-looking body anyway.
        String facts = "{\\\"@context\\\": \\\"" + context + "\\\"}";
        refused(writable, () -> writable.bytes("PUT", "/kg/articles/hostile-article", "application/json",
                                               utf8("{\"text\": \"t\", \"facts\": \"" + facts + "\"}"), true), 400);
    }
}
