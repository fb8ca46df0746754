package org.diplomacykg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.diplomacykg.server.describe.VoidServlet;
import org.diplomacykg.server.linkeddata.ResourceServlet;
import org.diplomacykg.server.ontology.OntologyServlet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Choosing a format from an Accept header or ?format=, without a server, among the formats each
 * endpoint offers: {@code /id/{slug}} (resource), {@code /ontology} (ontology), the service
 * description and VoID (description).
 */
public class TestContentNegotiation {

    /** What OWL API 5.5.1 (under Protégé's "Open from URL") sends, read from its DocumentSources. */
    public static final String OWL_API = "application/rdf+xml, application/xml; q=0.7, text/xml; q=0.6, text/plain; q=0.1, */*; q=0.09";

    /** What Firefox and Chrome send for a page. */
    public static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private static final String FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
                                       + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    private static final ContentNegotiation RESOURCE = ResourceServlet.FORMATS;

    private static final Map<String, ContentNegotiation> ENDPOINTS = Map.of(
        "resource", RESOURCE, "ontology", OntologyServlet.FORMATS, "description", VoidServlet.FORMATS);

    private static ResponseFormat accept(String endpoint, String header) {
        return ENDPOINTS.get(endpoint).byAccept(header).orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "resource", "ontology", "description" })
    void noPreferenceGivesTurtle(String endpoint) {
        assertEquals(ResponseFormat.TURTLE, accept(endpoint, null));
        assertEquals(ResponseFormat.TURTLE, accept(endpoint, ""));
        assertEquals(ResponseFormat.TURTLE, accept(endpoint, "*/*"));
        assertEquals(ResponseFormat.TURTLE, accept(endpoint, "text/*"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "resource", "ontology", "description" })
    void eachMediaTypeOnOfferGivesItsFormat(String endpoint) {
        for ( ResponseFormat format : ENDPOINTS.get(endpoint).offers() )
            assertEquals(format, accept(endpoint, format.mediaType()), format.mediaType());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "resource    | " + FIREFOX + "          | HTML",
        "resource    | " + CHROME + "           | HTML",
        "resource    | text/html, */*           | HTML",
        "ontology    | " + BROWSER + "          | HTML",
        "ontology    | application/xhtml+xml    | HTML",
        // Without a page of their own, the descriptions show browsers their Turtle as text.
        "description | " + FIREFOX + "          | TURTLE_AS_TEXT",
        "description | text/html, */*           | TURTLE_AS_TEXT",
        "description | text/plain               | TURTLE_AS_TEXT",
    })
    void browsersGetAPage(String endpoint, String header, ResponseFormat expected) {
        assertEquals(expected, accept(endpoint, header), header);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "resource    | application/turtle    | TURTLE",
        "resource    | application/json      | JSONLD",
        "resource    | text/plain            | NTRIPLES",
        "resource    | text/n-quads          | NQUADS",
        "resource    | application/xhtml+xml | HTML",
        "ontology    | application/json      | JSONLD",
        "description | application/json      | JSONLD",
    })
    void alternativeMediaTypesAreUnderstood(String endpoint, String mediaType, ResponseFormat expected) {
        assertEquals(expected, accept(endpoint, mediaType));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "resource    | application/rdf+xml;q=0.5, text/turtle;q=0.9            | TURTLE",
        "resource    | text/turtle;q=0.5, application/rdf+xml                  | RDFXML",
        "resource    | application/n-triples;q=0.1, application/ld+json;q=0.2  | JSONLD",
        "resource    | text/*;q=0.5, text/html                                 | HTML",
        "resource    | */*, application/n-quads                                | NQUADS",
        "resource    | Text/HTML                                               | HTML",
        "resource    | application/turtle;q=0.2, application/ld+json;q=0.1     | TURTLE",
        "ontology    | text/turtle;q=0.5, application/ld+json                  | JSONLD",
        "ontology    | text/html, text/turtle;q=0.9                            | HTML",
        "description | text/turtle;q=0.5, application/rdf+xml                  | RDFXML",
        "description | application/ld+json;q=0.9, text/turtle                  | TURTLE",
        "description | Application/LD+JSON                                     | JSONLD",
        // q=0 refuses a type even when a wildcard accepts everything else.
        "resource    | text/turtle;q=0, */*                                    | JSONLD",
        "ontology    | text/turtle;q=0, */*                                    | RDFXML",
        "description | text/turtle;q=0, */*                                    | JSONLD",
        "description | text/plain;q=0, text/html;q=0, */*;q=0.1                | TURTLE",
    })
    void qualitiesAndSpecificityDecide(String endpoint, String header, ResponseFormat expected) {
        assertEquals(expected, accept(endpoint, header), header);
    }

    @Test
    void owlApiGetsRdfXml() {
        assertEquals(ResponseFormat.RDFXML, accept("ontology", OWL_API));
    }

    @Test
    void onATieTheOntologysRdfComesBeforeHtml() {
        // An OWL API header built from its parsers lists HTML (RDFa) beside RDF with the same q.
        assertEquals(ResponseFormat.RDFXML, accept("ontology", "text/html; q=1.0, application/rdf+xml; q=1.0"));
        assertEquals(ResponseFormat.TURTLE, accept("ontology", "application/xhtml+xml, text/turtle"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "resource    | image/png",
        "resource    | application/pdf, image/*",
        "resource    | text/turtle;q=0",
        "resource    | */*;q=0",
        "resource    | text/csv",
        "ontology    | image/png",
        "ontology    | text/html;q=0",
        "ontology    | application/n-quads",
        "description | image/png",
        "description | application/sparql-results+json",
        "description | text/turtle;q=0",
    })
    void nothingAcceptableIsEmpty(String endpoint, String header) {
        assertEquals(Optional.empty(), ENDPOINTS.get(endpoint).byAccept(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = { ";;", ",,,", "q=0.5", "text/", "/html", "*/*;q=abc", "text/turtle;;q=", " , ;" })
    void malformedHeadersGetTheDefaultOrNothing(String header) {
        // A header that names no format cleanly gets the default (Turtle) or a 406, never a format it did not ask for.
        Optional<ResponseFormat> chosen = RESOURCE.byAccept(header);
        assertTrue(chosen.isEmpty() || chosen.get() == RESOURCE.offers().get(0), () -> header + " -> " + chosen);
    }

    @ParameterizedTest
    @CsvSource({
        "ttl, TURTLE", "jsonld, JSONLD", "rdf, RDFXML", "nt, NTRIPLES", "nq, NQUADS", "trig, TRIG", "html, HTML",
        "turtle, TURTLE", "N-Triples, NTRIPLES", "JSON-LD, JSONLD", "TTL, TURTLE",
    })
    void formatParameterNamesAFormat(String parameter, ResponseFormat expected) {
        assertEquals(Optional.of(expected), RESOURCE.byParameter(parameter));
    }

    @Test
    void formatParameterOverridesAccept() {
        assertEquals(Optional.of(ResponseFormat.NQUADS), RESOURCE.choose("nq", FIREFOX));
        assertEquals(Optional.of(ResponseFormat.HTML), RESOURCE.choose(null, FIREFOX));
        assertEquals(Optional.empty(), RESOURCE.choose("png", "*/*"));
        assertEquals(Optional.empty(), RESOURCE.choose("", "*/*"));
    }

    @Test
    void onlyFormatsOnOfferAreChosen() {
        ContentNegotiation turtleOrHtml = ContentNegotiation.of(ResponseFormat.TURTLE, ResponseFormat.HTML);
        assertEquals(Optional.empty(), turtleOrHtml.byAccept("application/ld+json"));
        assertEquals(Optional.empty(), turtleOrHtml.byParameter("jsonld"));
        assertEquals(Optional.of(ResponseFormat.TURTLE), turtleOrHtml.byAccept("application/ld+json, */*;q=0.1"));
        assertEquals(Optional.empty(), OntologyServlet.FORMATS.byParameter("nq"));
        assertEquals(Optional.empty(), VoidServlet.FORMATS.byParameter("html"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "resource", "ontology", "description" })
    void offersAreListedForA406(String endpoint) {
        ContentNegotiation negotiation = ENDPOINTS.get(endpoint);
        String offers = negotiation.describeOffers();
        for ( ResponseFormat format : negotiation.offers() ) {
            assertTrue(offers.contains(format.mediaType()), offers);
            assertTrue(offers.contains("?format=" + format.parameterName()), offers);
        }
    }

    @Test
    void textualTypesDeclareTheirCharset() {
        assertEquals("text/turtle; charset=utf-8", ResponseFormat.TURTLE.contentType());
        assertEquals("application/n-quads; charset=utf-8", ResponseFormat.NQUADS.contentType());
        assertEquals("text/html; charset=utf-8", ResponseFormat.HTML.contentType());
        assertEquals("text/plain; charset=utf-8", ResponseFormat.TURTLE_AS_TEXT.contentType());
        assertEquals("application/ld+json", ResponseFormat.JSONLD.contentType());
    }
}
