package org.diplomacykg.server;

import jakarta.servlet.http.HttpServletRequest;

import org.diplomacykg.vocab.DKG;

/**
 * Maps the public IRIs of the knowledge graph onto this server and back:
 * {@code https://w3id.org/diplomacy-kg/id/sergey-lavrov} is served at {@code BASE/id/sergey-lavrov},
 * the ontology {@code https://w3id.org/diplomacy-kg/ontology} at {@code BASE/ontology}. BASE is
 * the configured {@code --base-url}, or else the scheme, host and port the request came to.
 */
public final class PublicUrls {

    /** The public namespace the server stands in for. */
    public static final String PUBLIC_BASE = "https://w3id.org/diplomacy-kg/";

    /** The base URL for links in a response to {@code request}, without a trailing slash. */
    public static String base(HttpServletRequest request, String configured) {
        if ( configured != null )
            return configured;
        StringBuilder sb = new StringBuilder(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                              || ("https".equals(request.getScheme()) && port == 443);
        if ( !defaultPort )
            sb.append(':').append(port);
        return sb.append(request.getContextPath()).toString();
    }

    /**
     * Where this server serves {@code iri}: for the IRIs of things ({@code id/...}) and of the
     * ontology (with or without a term fragment), a URL under {@code base}; any other IRI is
     * returned as it is.
     */
    public static String local(String iri, String base) {
        if ( iri.startsWith(DKG.ID_BASE) || iri.startsWith(DKG.ONTOLOGY_IRI) )
            return base + "/" + iri.substring(PUBLIC_BASE.length());
        return iri;
    }

    /** The public IRI of the thing served at {@code /id/{slug}}. */
    public static String thing(String slug) {
        return DKG.ID_BASE + slug;
    }

    private PublicUrls() {}
}
