package org.diplomacykg.server.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.diplomacykg.server.linkeddata.OntologyServlet;
import org.diplomacykg.server.linkeddata.OntologyServlet.Representation;
import org.junit.jupiter.api.Test;

/** Content negotiation of {@code /ontology}, without a server. */
class TestOntologyNegotiation {

    /** What OWL API 5.5.1 (under Protégé's "Open from URL") sends, read from its DocumentSources. */
    static final String OWL_API = "application/rdf+xml, application/xml; q=0.7, text/xml; q=0.6, text/plain; q=0.1, */*; q=0.09";

    /** What Firefox and Chrome send for a page. */
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private static Representation negotiate(String accept) {
        return OntologyServlet.negotiate(accept).orElseThrow(() -> new AssertionError("406 for " + accept));
    }

    @Test
    void owlApiGetsRdfXml() {
        assertEquals(Representation.RDFXML, negotiate(OWL_API));
    }

    @Test
    void browserGetsHtml() {
        assertEquals(Representation.HTML, negotiate(BROWSER));
        assertEquals(Representation.HTML, negotiate("application/xhtml+xml"));
    }

    @Test
    void eachRdfSyntaxByItsMediaType() {
        assertEquals(Representation.TURTLE, negotiate("text/turtle"));
        assertEquals(Representation.RDFXML, negotiate("application/rdf+xml"));
        assertEquals(Representation.JSONLD, negotiate("application/ld+json"));
        assertEquals(Representation.NTRIPLES, negotiate("application/n-triples"));
    }

    @Test
    void anythingOrNothingGetsTurtle() {
        assertEquals(Representation.TURTLE, negotiate("*/*"));
        assertEquals(Representation.TURTLE, negotiate(null));
        assertEquals(Representation.TURTLE, negotiate(""));
        assertEquals(Representation.TURTLE, negotiate("text/*"));
    }

    @Test
    void qualityDecides() {
        assertEquals(Representation.JSONLD, negotiate("text/turtle;q=0.5, application/ld+json"));
        assertEquals(Representation.HTML, negotiate("text/html, text/turtle;q=0.9"));
    }

    @Test
    void onATieRdfComesBeforeHtml() {
        // An OWL API header built from its parsers lists HTML (RDFa) beside RDF with the same q.
        assertEquals(Representation.RDFXML, negotiate("text/html; q=1.0, application/rdf+xml; q=1.0"));
        assertEquals(Representation.TURTLE, negotiate("application/xhtml+xml, text/turtle"));
    }

    @Test
    void aSpecificZeroOverridesAWildcard() {
        assertEquals(Representation.RDFXML, negotiate("text/turtle;q=0, */*"));
        assertEquals(Optional.empty(), OntologyServlet.negotiate("text/html;q=0"));
    }

    @Test
    void nothingAcceptableIsEmpty() {
        assertTrue(OntologyServlet.negotiate("image/png").isEmpty());
        assertTrue(OntologyServlet.negotiate("application/json").isEmpty());
    }
}
