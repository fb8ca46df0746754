package org.diplomacykg.server.linkeddata;

import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * The representations a linked-data resource can be served in: the RDF syntaxes, named and
 * typed as Jena's {@link RDFLanguages} has them, and the HTML page. Declaration order is the
 * server's preference when a client accepts several equally ({@code *}{@code /*} gives Turtle).
 */
public enum ResponseFormat {

    TURTLE(Lang.TURTLE),
    JSONLD(Lang.JSONLD),
    RDFXML(Lang.RDFXML),
    NTRIPLES(Lang.NTRIPLES),
    NQUADS(Lang.NQUADS),
    TRIG(Lang.TRIG),
    HTML(null);

    private static final String HTML_TYPE = "text/html";

    private final Lang lang;

    ResponseFormat(Lang lang) {
        this.lang = lang;
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
        return lang == null ? HTML_TYPE : lang.getContentType().getContentTypeStr();
    }

    /**
     * Other media types a client may ask for this format by (Jena's alternatives, such as
     * {@code application/x-turtle}; plain {@code application/json} for JSON-LD).
     */
    public List<String> alternativeMediaTypes() {
        if ( this == JSONLD )
            return List.of("application/json");
        return lang == null ? List.of("application/xhtml+xml") : lang.getAltContentTypes();
    }

    /** The full {@code Content-Type} header, with a charset for the textual types. */
    public String contentType() {
        if ( this == RDFXML || this == JSONLD )
            // Both are UTF-8 by their own rules (XML declaration, JSON); a charset adds nothing.
            return mediaType();
        String charset = lang == null ? "utf-8" : RDFLanguages.getCharsetForContentType(mediaType()).toLowerCase();
        return mediaType() + "; charset=" + charset;
    }

    /** The name for {@code ?format=}: the usual file extension ({@code ttl}, {@code jsonld}, ...) or {@code html}. */
    public String parameterName() {
        return lang == null ? "html" : lang.getFileExtensions().get(0);
    }

    /** A name for people, e.g. {@code Turtle}, {@code JSON-LD}. */
    public String label() {
        return lang == null ? "HTML" : lang.getLabel();
    }
}
