package org.diplomacykg.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;

/**
 * The request side of {@link ContentNegotiation}, shared by every endpoint that negotiates
 * ({@code /id/{slug}}, {@code /ontology}, the service description, VoID): the response varies
 * by {@code Accept}; {@code ?format=}, when present, decides alone, otherwise all the
 * {@code Accept} headers; a request that no format on offer suits gets a 406 that lists them;
 * RDF is written whole before anything is sent, so a failure never leaves half a response.
 */
public final class NegotiatedResponses {

    /** Marks the response as varying by {@code Accept} and chooses its format; empty means 406. */
    public static Optional<ResponseFormat> choose(HttpServletRequest request, HttpServletResponse response,
                                                  ContentNegotiation negotiation) {
        varyByAccept(response);
        return negotiation.choose(request.getParameter("format"), accept(request));
    }

    public static void varyByAccept(HttpServletResponse response) {
        response.setHeader("Vary", "Accept");
    }

    /** The {@code Accept} headers of the request as one list; null when there is none. */
    static String accept(HttpServletRequest request) {
        var headers = request.getHeaders("Accept");
        return headers == null || !headers.hasMoreElements() ? null : String.join(", ", Collections.list(headers));
    }

    /** The 406: nothing on offer suits the request; {@code what} ("This resource") is available as the list. */
    public static void notAcceptable(HttpServletResponse response, ContentNegotiation negotiation, String what)
            throws IOException {
        Responses.text(response, HttpServletResponse.SC_NOT_ACCEPTABLE,
            "None of the media types in the Accept header (or ?format=) can be given here. " + what
            + " is available as:\n" + negotiation.describeOffers());
    }

    /** Sends {@code graph} in the format the request negotiates (all of {@code negotiation}'s offers must be RDF), or the 406. */
    public static void sendGraph(HttpServletRequest request, HttpServletResponse response, ContentNegotiation negotiation,
                                 Graph graph, String what) throws IOException {
        Optional<ResponseFormat> format = choose(request, response, negotiation);
        if ( format.isEmpty() ) {
            notAcceptable(response, negotiation, what);
            return;
        }
        sendRdf(request, response, format.get(), write(graph, format.get()));
    }

    /** A 200 with an RDF document already written in {@code format}; a HEAD gets the headers only. */
    public static void sendRdf(HttpServletRequest request, HttpServletResponse response, ResponseFormat format, byte[] body)
            throws IOException {
        if ( "HEAD".equals(request.getMethod()) )
            Responses.head(response, HttpServletResponse.SC_OK, format.contentType(), body.length);
        else
            Responses.send(response, HttpServletResponse.SC_OK, format.contentType(), body);
    }

    /** {@code graph}, with its prefixes, in the syntax of {@code format}. */
    public static byte[] write(Graph graph, ResponseFormat format) {
        if ( !format.isRdf() )
            throw new IllegalArgumentException("Not an RDF format: " + format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFWriter.source(graph).lang(format.lang()).output(out);
        return out.toByteArray();
    }

    private NegotiatedResponses() {}
}
