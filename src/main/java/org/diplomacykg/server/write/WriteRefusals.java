package org.diplomacykg.server.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.RDFDataException;
import org.diplomacykg.replication.PublishException;
import org.diplomacykg.server.http.ContentNegotiation;
import org.diplomacykg.server.http.NegotiatedResponses;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.server.http.Responses;
import org.apache.jena.shacl.ValidationReport;
import org.diplomacykg.store.BundleCheck;
import org.diplomacykg.store.FactsSource;
import org.diplomacykg.store.Finding;
import org.diplomacykg.store.FindingsReport;
import org.diplomacykg.store.ProtectedGraphException;
import org.diplomacykg.store.ShaclRejectedException;
import org.diplomacykg.store.WriteRejectedException;
import org.diplomacykg.vocab.DKG;

/**
 * The answer to a refused write, chosen by the exception's type, never its message:
 * <ul>
 * <li>a refusal by the {@link BundleCheck} (a {@link WriteRejectedException} with findings): 422
 *     with the findings as JSON for {@code Accept: application/json}
 *     ({@code {"conforms": false, "findings": [...]}}, each finding with file, line, column,
 *     focus, label, message and fix); as a SHACL validation report in Turtle, or JSON-LD for
 *     {@code application/ld+json}, when the shapes were broken or the client asks for RDF; as
 *     text otherwise;</li>
 * <li>any other {@link WriteRejectedException} (triples in the default graph): 422 with the
 *     message as text;</li>
 * <li>{@link ProtectedGraphException} (a write to the inferred or explanations graph): 403
 *     with the message as text;</li>
 * <li>{@link PublishException}, a replicated primary's write that Kafka did not take or that
 *     this server may no longer publish (another was promoted): 503 with the message;</li>
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
            if ( t instanceof WriteRejectedException || t instanceof ProtectedGraphException || t instanceof RDFDataException
                 || t instanceof PublishException )
                return Optional.of((RuntimeException) t);
            if ( t.getCause() == t )
                break;
        }
        return Optional.empty();
    }

    /** Sends the answer to {@code refusal}, one of the types {@link #refusalIn} finds. */
    public static void send(HttpServletRequest request, HttpServletResponse response, RuntimeException refusal)
            throws IOException {
        send(request, response, refusal, List.of());
    }

    /**
     * Sends the answer to {@code refusal}, its findings placed in {@code sources} (the facts
     * as the client wrote them) where they show their thing.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, RuntimeException refusal,
                            List<FactsSource> sources) throws IOException {
        if ( refusal instanceof WriteRejectedException rejected && !rejected.findings().isEmpty() ) {
            sendFindings(request, response, rejected, BundleCheck.place(rejected.findings(), sources));
            return;
        }
        if ( refusal instanceof PublishException ) {
            // Not kept, by the primary or any replica: the client may send it again.
            Responses.text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, refusal.getMessage());
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

    private static void sendFindings(HttpServletRequest request, HttpServletResponse response, WriteRejectedException refusal,
                                     List<Finding> findings) throws IOException {
        NegotiatedResponses.varyByAccept(response);
        String accept = request.getHeader("Accept");
        if ( wantsJson(accept) ) {
            Responses.send(response, 422, "application/json", FindingsReport.json(findings).toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        Optional<ResponseFormat> rdf = REPORT_FORMATS.byAccept(accept).filter(f -> accept != null && !accept.isBlank() && !accept.contains("*/*"));
        if ( refusal instanceof ShaclRejectedException || rdf.isPresent() ) {
            // An error is answered even to an Accept that fits neither format: Turtle is readable as text.
            ResponseFormat format = REPORT_FORMATS.byAccept(accept).orElse(ResponseFormat.TURTLE);
            Graph report = GraphFactory.createDefaultGraph();
            report.getPrefixMapping().setNsPrefixes(REPORT_PREFIXES);
            ValidationReport shacl = refusal instanceof ShaclRejectedException s ? s.report() : null;
            FindingsReport.shacl(findings, shacl, report);
            Responses.send(response, 422, format.contentType(), NegotiatedResponses.write(report, format));
            return;
        }
        Responses.text(response, 422, refusal.summary() + "\n" + BundleCheck.text(findings));
    }

    /** Plain {@code application/json} asked for, not JSON-LD: the findings as JSON. */
    static boolean wantsJson(String accept) {
        return accept != null && accept.contains("application/json") && !accept.contains("application/ld+json");
    }

    private WriteRefusals() {}
}
