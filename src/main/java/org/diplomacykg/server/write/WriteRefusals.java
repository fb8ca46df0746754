package org.diplomacykg.server.write;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.RDFDataException;
import org.diplomacykg.server.http.ContentNegotiation;
import org.diplomacykg.server.http.NegotiatedResponses;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.server.http.Responses;
import org.diplomacykg.store.ProtectedGraphException;
import org.diplomacykg.store.ShaclRejectedException;
import org.diplomacykg.store.WriteRejectedException;
import org.diplomacykg.vocab.DKG;

/**
 * The answer to a refused write, chosen by the exception's type, never its message:
 * <ul>
 * <li>{@link ShaclRejectedException}: 422 with the SHACL validation report, in Turtle or, by
 *     {@code Accept}, JSON-LD ({@code application/ld+json} or {@code application/json});</li>
 * <li>any other {@link WriteRejectedException} (an evidence span not in the text, triples in
 *     the default graph): 422 with the message as text;</li>
 * <li>{@link ProtectedGraphException} (a write to the inferred or explanations graph): 403
 *     with the message as text;</li>
 * <li>{@link RDFDataException} from the reasoners, which read some values as single (a
 *     tenure's post, a meeting's date) and find two: 422, naming the subject and property.</li>
 * </ul>
 */
public final class WriteRefusals {

    private static final ContentNegotiation REPORT_FORMATS = ContentNegotiation.of(ResponseFormat.TURTLE, ResponseFormat.JSONLD);

    private static final PrefixMapping REPORT_PREFIXES = PrefixMapping.Factory.create()
        .setNsPrefixes(PrefixMapping.Standard)
        .setNsPrefix("sh", "http://www.w3.org/ns/shacl#")
        .setNsPrefix("dkg", DKG.NS)
        .setNsPrefix("dkgs", "https://w3id.org/diplomacy-kg/shapes#")
        .setNsPrefix("id", DKG.ID_BASE)
        .setNsPrefix("oa", "http://www.w3.org/ns/oa#")
        .lock();

    /** The refusal in {@code failure} or its causes, if it holds one this class answers; empty otherwise. */
    public static Optional<RuntimeException> refusalIn(Throwable failure) {
        for ( Throwable t = failure; t != null; t = t.getCause() ) {
            if ( t instanceof WriteRejectedException || t instanceof ProtectedGraphException || t instanceof RDFDataException )
                return Optional.of((RuntimeException) t);
            if ( t.getCause() == t )
                break;
        }
        return Optional.empty();
    }

    /** Sends the answer to {@code refusal}, one of the types {@link #refusalIn} finds. */
    public static void send(HttpServletRequest request, HttpServletResponse response, RuntimeException refusal)
            throws IOException {
        if ( refusal instanceof ShaclRejectedException shacl ) {
            sendReport(request, response, shacl);
            return;
        }
        if ( refusal instanceof RDFDataException ) {
            Responses.text(response, 422, "The data would give a thing two values where the reasoners take one "
                + "(e.g. two dkg:post for a tenure, two dkg:date for an event); nothing was kept. "
                + refusal.getMessage().replace("More than one match : ", "Found for: "));
            return;
        }
        int status = refusal instanceof ProtectedGraphException ? HttpServletResponse.SC_FORBIDDEN : 422;
        Responses.text(response, status, refusal.getMessage());
    }

    private static void sendReport(HttpServletRequest request, HttpServletResponse response, ShaclRejectedException refusal)
            throws IOException {
        NegotiatedResponses.varyByAccept(response);
        // An error is answered even to an Accept that fits neither format: Turtle is readable as text.
        ResponseFormat format = REPORT_FORMATS.byAccept(request.getHeader("Accept")).orElse(ResponseFormat.TURTLE);
        Graph report = GraphFactory.createDefaultGraph();
        report.getPrefixMapping().setNsPrefixes(REPORT_PREFIXES);
        refusal.report().getGraph().find().forEachRemaining(report::add);
        Responses.send(response, 422, format.contentType(), NegotiatedResponses.write(report, format));
    }

    private WriteRefusals() {}
}
