package org.diplomacykg.server.http;

import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * The representations the linked-data endpoints can answer with: the RDF syntaxes, named and
 * typed as Jena's {@link RDFLanguages} has them, the HTML page, and Turtle shown as plain text.
 * Each endpoint offers some of them, in its own order ({@link ContentNegotiation}).
 */
public enum ResponseFormat {

    TURTLE(Lang.TURTLE),
    JSONLD(Lang.JSONLD),
    RDFXML(Lang.RDFXML),
    NTRIPLES(Lang.NTRIPLES),
    NQUADS(Lang.NQUADS),
    TRIG(Lang.TRIG),
    HTML(null, "text/html", "html", "HTML", List.of("application/xhtml+xml")),
    /**
     * Turtle labelled {@code text/plain}, which a browser shows instead of offering a download:
     * what an endpoint without an HTML page gives to a client that asks for a page.
     */
    TURTLE_AS_TEXT(Lang.TURTLE, "text/plain", "txt", "Turtle as text", List.of("text/html", "application/xhtml+xml"));

    private final Lang lang;
    private final String mediaType;
    private final String parameterName;
    private final String label;
    private final List<String> alternativeMediaTypes;

    /** An RDF syntax under its own media type, name and label. */
    ResponseFormat(Lang lang) {
        this(lang, lang.getContentType().getContentTypeStr(), lang.getFileExtensions().get(0), lang.getLabel(),
             alternatives(lang));
    }

    ResponseFormat(Lang lang, String mediaType, String parameterName, String label, List<String> alternativeMediaTypes) {
        this.lang = lang;
        this.mediaType = mediaType;
        this.parameterName = parameterName;
        this.label = label;
        this.alternativeMediaTypes = alternativeMediaTypes;
    }

    /** Jena's other media types for the syntax; plain {@code application/json} for JSON-LD. */
    private static List<String> alternatives(Lang lang) {
        return Lang.JSONLD.equals(lang) ? List.of("application/json") : lang.getAltContentTypes();
    }

    /** The RDF syntax; null for {@link #HTML}. */
    public Lang lang() {
        return lang;
    }

    public boolean isRdf() {
        return lang != null;
    }

    /**
     * Whether responses in this syntax keep the inferred triples in their own named graph: N-Quads
     * and TriG. JSON-LD could carry graphs too, but readers that load it into one graph (Jena's
     * {@code RDFParser} into a {@code Graph}, most linked-data clients) drop named-graph data, so
     * it gets everything in its one graph, like Turtle.
     */
    public boolean carriesGraphs() {
        return this == NQUADS || this == TRIG;
    }

    /** The media type the response is labelled with, e.g. {@code text/turtle}. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * Other media types a client may ask for this format by, when it names them exactly (Jena's
     * alternatives, such as {@code application/turtle}; plain {@code application/json} for JSON-LD).
     */
    public List<String> alternativeMediaTypes() {
        return alternativeMediaTypes;
    }

    /** The full {@code Content-Type} header, with a charset for the textual types. */
    public String contentType() {
        if ( this == RDFXML || this == JSONLD )
            // Both are UTF-8 by their own rules (XML declaration, JSON); a charset adds nothing.
            return mediaType;
        // Jena writes every syntax in UTF-8.
        return mediaType + "; charset=utf-8";
    }

    /** The name for {@code ?format=}: the usual file extension ({@code ttl}, {@code jsonld}, ...) or {@code html}. */
    public String parameterName() {
        return parameterName;
    }

    /** A name for people, e.g. {@code Turtle}, {@code JSON-LD}. */
    public String label() {
        return label;
    }
}
