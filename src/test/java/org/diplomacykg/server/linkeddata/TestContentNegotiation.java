package org.diplomacykg.server.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Choosing a format from an Accept header or ?format=, without a server. */
class TestContentNegotiation {

    private static final ContentNegotiation ALL = ContentNegotiation.ALL_FORMATS;

    private static final String FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
                                       + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    private static ResponseFormat accept(String header) {
        return ALL.byAccept(header).orElse(null);
    }

    @Test
    void noPreferenceGivesTurtle() {
        assertEquals(ResponseFormat.TURTLE, accept(null));
        assertEquals(ResponseFormat.TURTLE, accept(""));
        assertEquals(ResponseFormat.TURTLE, accept("*/*"));
    }

    @Test
    void browsersGetHtml() {
        assertEquals(ResponseFormat.HTML, accept(FIREFOX));
        assertEquals(ResponseFormat.HTML, accept(CHROME));
    }

    @ParameterizedTest
    @EnumSource(ResponseFormat.class)
    void eachMediaTypeGivesItsFormat(ResponseFormat format) {
        assertEquals(format, accept(format.mediaType()));
    }

    @ParameterizedTest
    @CsvSource({
        "application/turtle,   TURTLE",
        "application/json,     JSONLD",
        "text/plain,           NTRIPLES",
        "text/n-quads,         NQUADS",
        "application/xhtml+xml, HTML",
    })
    void alternativeMediaTypesAreUnderstood(String mediaType, ResponseFormat expected) {
        assertEquals(expected, accept(mediaType));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/rdf+xml;q=0.5, text/turtle;q=0.9      | TURTLE",
        "text/turtle;q=0.5, application/rdf+xml            | RDFXML",
        "application/n-triples;q=0.1, application/ld+json;q=0.2 | JSONLD",
        "text/turtle;q=0, */*                               | JSONLD",
        "text/*                                             | TURTLE",
        "text/*;q=0.5, text/html                            | HTML",
        "text/html, */*                                     | HTML",
        "*/*, application/n-quads                           | NQUADS",
        "Text/HTML                                          | HTML",
        "application/turtle;q=0.2, application/ld+json;q=0.1 | TURTLE",
    })
    void qualitiesAndSpecificityDecide(String header, ResponseFormat expected) {
        assertEquals(expected, accept(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = { "image/png", "application/pdf, image/*", "text/turtle;q=0", "*/*;q=0", "text/csv" })
    void nothingAcceptableIsEmpty(String header) {
        assertEquals(Optional.empty(), ALL.byAccept(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = { ";;", ",,,", "q=0.5", "text/", "/html", "*/*;q=abc", "text/turtle;;q=", " , ;" })
    void malformedHeadersDoNotThrow(String header) {
        ALL.byAccept(header);
    }

    @ParameterizedTest
    @CsvSource({
        "ttl, TURTLE", "jsonld, JSONLD", "rdf, RDFXML", "nt, NTRIPLES", "nq, NQUADS", "trig, TRIG", "html, HTML",
        "turtle, TURTLE", "N-Triples, NTRIPLES", "JSON-LD, JSONLD", "TTL, TURTLE",
    })
    void formatParameterNamesAFormat(String parameter, ResponseFormat expected) {
        assertEquals(Optional.of(expected), ALL.byParameter(parameter));
    }

    @Test
    void formatParameterOverridesAccept() {
        assertEquals(Optional.of(ResponseFormat.NQUADS), ALL.choose("nq", FIREFOX));
        assertEquals(Optional.of(ResponseFormat.HTML), ALL.choose(null, FIREFOX));
        assertEquals(Optional.empty(), ALL.choose("png", "*/*"));
        assertEquals(Optional.empty(), ALL.choose("", "*/*"));
    }

    @Test
    void onlyFormatsOnOfferAreChosen() {
        ContentNegotiation turtleOrHtml = new ContentNegotiation(List.of(ResponseFormat.TURTLE, ResponseFormat.HTML));
        assertEquals(Optional.empty(), turtleOrHtml.byAccept("application/ld+json"));
        assertEquals(Optional.empty(), turtleOrHtml.byParameter("jsonld"));
        assertEquals(Optional.of(ResponseFormat.TURTLE), turtleOrHtml.byAccept("application/ld+json, */*;q=0.1"));
    }

    @Test
    void offersAreListedForA406() {
        String offers = ALL.describeOffers();
        for ( ResponseFormat format : ResponseFormat.values() ) {
            assertTrue(offers.contains(format.mediaType()), offers);
            assertTrue(offers.contains("?format=" + format.parameterName()), offers);
        }
    }

    @Test
    void textualTypesDeclareTheirCharset() {
        assertEquals("text/turtle; charset=utf-8", ResponseFormat.TURTLE.contentType());
        assertEquals("application/n-quads; charset=utf-8", ResponseFormat.NQUADS.contentType());
        assertEquals("text/html; charset=utf-8", ResponseFormat.HTML.contentType());
        assertEquals("application/ld+json", ResponseFormat.JSONLD.contentType());
    }
}
