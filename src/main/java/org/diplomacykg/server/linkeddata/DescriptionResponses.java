package org.diplomacykg.server.linkeddata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/**
 * Writes the small RDF documents that describe the service (the SPARQL service description,
 * VoID) in the syntax the {@code Accept} header asks for: Turtle (the default, also when there
 * is no header), JSON-LD, RDF/XML or N-Triples. A browser, whose {@code Accept} prefers
 * {@code text/html}, gets the Turtle as {@code text/plain}, which it shows instead of offering
 * a download. When no syntax is acceptable the answer is 406 with the list.
 */
final class DescriptionResponses {

    /** A media type on offer, the media type then sent, and how the document is written. */
    record Syntax(String offered, String sent, RDFFormat format) {}

    /** In order of preference: the first wins when the client accepts several equally. */
    static final List<Syntax> OFFERS = List.of(
        new Syntax("text/turtle", "text/turtle", RDFFormat.TURTLE_PRETTY),
        new Syntax("application/ld+json", "application/ld+json", RDFFormat.JSONLD11),
        new Syntax("application/rdf+xml", "application/rdf+xml", RDFFormat.RDFXML_PRETTY),
        new Syntax("application/n-triples", "application/n-triples", RDFFormat.NTRIPLES),
        new Syntax("text/plain", "text/plain", RDFFormat.TURTLE_PRETTY),
        new Syntax("text/html", "text/plain", RDFFormat.TURTLE_PRETTY));

    /**
     * The syntax for an {@code Accept} header (none or blank: Turtle); null when nothing on offer
     * is acceptable. An offer's quality is the {@code q} of the most specific range that accepts
     * it, so {@code text/turtle;q=0, *}{@code /*} refuses Turtle. The highest quality wins; on a
     * tie, the offer matched more specifically ({@code text/html, *}{@code /*} is a browser), then
     * the first on offer.
     */
    static Syntax choose(String accept) {
        if ( accept == null || accept.isBlank() )
            return OFFERS.get(0);
        List<MediaRange> ranges = new AcceptList(accept.toLowerCase(Locale.ROOT)).entries();
        if ( ranges.isEmpty() )
            return OFFERS.get(0);
        Syntax best = null;
        double bestQ = 0;
        int bestSpecificity = -1;
        for ( Syntax syntax : OFFERS ) {
            MediaType offer = MediaType.create(syntax.offered());
            MediaRange range = mostSpecific(ranges, offer);
            if ( range == null || range.get_q() <= 0 )
                continue;
            if ( range.get_q() > bestQ || (range.get_q() == bestQ && specificity(range) > bestSpecificity) ) {
                best = syntax;
                bestQ = range.get_q();
                bestSpecificity = specificity(range);
            }
        }
        return best;
    }

    /** The most specific range that accepts {@code offer}, the first on a tie; null if none does. */
    private static MediaRange mostSpecific(List<MediaRange> ranges, MediaType offer) {
        MediaRange chosen = null;
        for ( MediaRange range : ranges ) {
            if ( range.accepts(offer) && (chosen == null || specificity(range) > specificity(chosen)) )
                chosen = range;
        }
        return chosen;
    }

    /** 3 for {@code type/sub}, 2 for {@code type/*}, 0 for {@code *}{@code /*}. */
    private static int specificity(MediaRange range) {
        return ("*".equals(range.getType()) ? 0 : 2) + ("*".equals(range.getSubType()) ? 0 : 1);
    }

    /** Sends {@code model} in the syntax the request's {@code Accept} header asks for, or a 406. */
    static void send(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        response.setHeader("Vary", "Accept");
        Syntax syntax = choose(request.getHeader("Accept"));
        if ( syntax == null ) {
            response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write("Not acceptable: " + request.getHeader("Accept")
                + "\nThis description is available as text/turtle, application/ld+json, application/rdf+xml"
                + " and application/n-triples.\n");
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        RDFDataMgr.write(body, model, syntax.format());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(syntax.sent() + ";charset=utf-8");
        // The figures change with every update: caches must ask again.
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.size());
        if ( !"HEAD".equals(request.getMethod()) )
            body.writeTo(response.getOutputStream());
    }

    private DescriptionResponses() {}
}
