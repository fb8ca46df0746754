package org.diplomacykg.server.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL2;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code ontology/} opens in Protégé with no network: every {@code owl:imports} of the ontology
 * (today there are none) resolves through {@code ontology/catalog-v001.xml} to a file beside it.
 */
class TestOntologyOffline {

    private static final Path DIR = Path.of("ontology");
    private static final String CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog";

    @Test
    void everyImportResolvesThroughTheCatalog() throws Exception {
        Graph ontology = RDFParser.source(DIR.resolve("diplomacy.ttl")).toGraph();
        Map<String, Path> catalog = catalog();
        for ( Triple t : ontology.find(Node.ANY, OWL2.imports.asNode(), Node.ANY).toList() ) {
            String imported = t.getObject().getURI();
            Path local = catalog.get(imported);
            assertTrue(local != null, "owl:imports <" + imported + "> needs the network: map it in ontology/catalog-v001.xml");
        }
    }

    @Test
    void catalogEntriesPointAtFilesBesideIt() throws Exception {
        Map<String, Path> catalog = catalog();
        for ( Map.Entry<String, Path> entry : catalog.entrySet() )
            assertTrue(Files.isRegularFile(entry.getValue()), entry.getKey() + " -> missing " + entry.getValue());
        assertEquals(DIR.resolve("diplomacy.ttl"), catalog.get("https://w3id.org/diplomacy-kg/ontology"),
                     "the ontology's own IRI opens from the local file");
    }

    /** The {@code uri} entries of the catalog: name to local file. */
    private static Map<String, Path> catalog() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList uris = factory.newDocumentBuilder().parse(DIR.resolve("catalog-v001.xml").toFile())
            .getElementsByTagNameNS(CATALOG_NS, "uri");
        Map<String, Path> entries = new HashMap<>();
        for ( int i = 0; i < uris.getLength(); i++ ) {
            Element uri = (Element) uris.item(i);
            entries.put(uri.getAttribute("name"), DIR.resolve(uri.getAttribute("uri")));
        }
        return entries;
    }
}
