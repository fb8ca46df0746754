package org.diplomacykg.server.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which syntax the service description and VoID are sent in, for an Accept header; no server. */
class TestDescriptionNegotiation {

    private static String sent(String accept) {
        DescriptionResponses.Syntax syntax = DescriptionResponses.choose(accept);
        return syntax == null ? null : syntax.sent();
    }

    @Test
    void turtleByDefault() {
        assertEquals("text/turtle", sent(null));
        assertEquals("text/turtle", sent(""));
        assertEquals("text/turtle", sent("*/*"));
        assertEquals("text/turtle", sent("text/*"));
    }

    @Test
    void askedForSyntaxes() {
        assertEquals("application/ld+json", sent("application/ld+json"));
        assertEquals("application/rdf+xml", sent("application/rdf+xml"));
        assertEquals("application/n-triples", sent("application/n-triples"));
        assertEquals("application/rdf+xml", sent("text/turtle;q=0.5, application/rdf+xml"));
        assertEquals("text/turtle", sent("application/ld+json;q=0.9, text/turtle"));
        assertEquals("application/ld+json", sent("Application/LD+JSON"));
    }

    @Test
    void browsersGetTurtleAsText() {
        assertEquals("text/plain", sent("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertEquals("text/plain", sent("text/plain"));
        assertEquals("text/plain", sent("text/html, */*"));
    }

    @Test
    void nothingAcceptable() {
        assertNull(sent("image/png"));
        assertNull(sent("application/sparql-results+json"));
        assertNull(sent("text/turtle;q=0"));
    }

    @Test
    void refusedSyntaxIsNotSent() {
        // q=0 refuses a type even when a wildcard accepts everything else.
        assertEquals("application/ld+json", sent("text/turtle;q=0, */*"));
        assertEquals("text/turtle", sent("text/plain;q=0, text/html;q=0, */*;q=0.1"));
    }
}
