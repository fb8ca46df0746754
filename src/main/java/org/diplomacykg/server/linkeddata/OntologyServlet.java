package org.diplomacykg.server.linkeddata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.diplomacykg.server.PublicUrls;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.pages.Templates;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * /ontology: the ontology graph exactly as loaded, by content negotiation (Turtle, RDF/XML,
 * JSON-LD, N-Triples), and for browsers its documentation page. {@code ?format=ttl|rdf|jsonld|nt|html}
 * overrides the {@code Accept} header (the page's download links use it).
 *
 * <p>When a client accepts several formats equally, the RDF formats come before HTML: OWL API
 * (Protégé's "Open from URL") sends {@code application/rdf+xml, application/xml; q=0.7, text/xml;
 * q=0.6, text/plain; q=0.1, *}{@code /*; q=0.09} and must get RDF, while a browser, which puts
 * {@code text/html} above {@code *}{@code /*}, gets the page.
 */
public final class OntologyServlet extends HttpServlet {

    /** What {@code /ontology} can answer with, in order of preference when a client accepts several equally. */
    public enum Representation {
        TURTLE("ttl", Lang.TURTLE, "text/turtle"),
        RDFXML("rdf", Lang.RDFXML, "application/rdf+xml"),
        JSONLD("jsonld", Lang.JSONLD, "application/ld+json"),
        NTRIPLES("nt", Lang.NTRIPLES, "application/n-triples"),
        HTML("html", null, "text/html", "application/xhtml+xml");

        private final String format;
        private final Lang lang;
        private final List<String> mediaTypes;

        Representation(String format, Lang lang, String... mediaTypes) {
            this.format = format;
            this.lang = lang;
            this.mediaTypes = List.of(mediaTypes);
        }

        /** The value of {@code ?format=} that asks for it. */
        public String format() { return format; }

        /** The media type of the response, e.g. {@code text/turtle}. */
        public String mediaType() { return mediaTypes.get(0); }

        /** The RDF syntax, or null for the HTML page. */
        public Lang lang() { return lang; }

        static Optional<Representation> byFormat(String format) {
            return Stream.of(values()).filter(r -> r.format.equals(format)).findFirst();
        }
    }

    /**
     * The prefixes of {@code ontology/diplomacy.ttl}, set on every RDF response: the named graph
     * of a dataset does not keep the prefixes of the file it was read from.
     */
    static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
        .setNsPrefix(DKG.PREFIX, DKG.NS)
        .setNsPrefix("owl", OWL2.NS)
        .setNsPrefix("rdf", RDF.uri)
        .setNsPrefix("rdfs", RDFS.uri)
        .setNsPrefix("xsd", XSD.NS)
        .setNsPrefix("skos", SKOS.uri)
        .setNsPrefix("dcterms", DCTerms.NS)
        .setNsPrefix("oa", "http://www.w3.org/ns/oa#")
        .setNsPrefix("vann", "http://purl.org/vocab/vann/")
        .lock();

    private static final String AVAILABLE = Stream.of(Representation.values())
        .map(r -> r.mediaType() + " (?format=" + r.format() + ")")
        .collect(Collectors.joining(", "));

    private final transient ServerConfig config;

    public OntologyServlet(ServerConfig config) {
        this.config = config;
    }

    /**
     * The representation for an {@code Accept} header (null or blank means anything): for each
     * representation, the q of the most specific media range that matches it (RFC 9110: a
     * specific {@code text/turtle;q=0} overrides {@code *}{@code /*}); the highest q above 0
     * wins, and on a tie the earlier representation. Empty when nothing is acceptable.
     */
    public static Optional<Representation> negotiate(String accept) {
        if ( accept == null || accept.isBlank() )
            return Optional.of(Representation.TURTLE);
        List<MediaRange> ranges = new AcceptList(accept).entries();
        Representation best = null;
        double bestQ = 0;
        for ( Representation r : Representation.values() ) {
            double q = quality(ranges, r);
            if ( q > bestQ ) {
                best = r;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The q that {@code ranges} give to {@code r}: that of the most specific matching range. */
    private static double quality(List<MediaRange> ranges, Representation r) {
        double q = 0;
        int specificity = -1;
        for ( String mediaType : r.mediaTypes ) {
            MediaRange offer = new MediaRange(mediaType);
            for ( MediaRange range : ranges ) {
                if ( !range.accepts(offer) )
                    continue;
                int s = specificity(range);
                if ( s > specificity || (s == specificity && range.get_q() > q) ) {
                    specificity = s;
                    q = range.get_q();
                }
            }
        }
        return q;
    }

    private static int specificity(MediaRange range) {
        if ( range.getType() == null || "*".equals(range.getType()) )
            return 0;
        return range.getSubType() == null || "*".equals(range.getSubType()) ? 1 : 2;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Vary", "Accept");
        String format = request.getParameter("format");
        Optional<Representation> chosen;
        if ( format != null ) {
            chosen = Representation.byFormat(format.toLowerCase(Locale.ROOT));
            if ( chosen.isEmpty() ) {
                sendText(response, HttpServletResponse.SC_BAD_REQUEST,
                         "Unknown format '" + format + "'. /ontology is available as " + AVAILABLE + ".");
                return;
            }
        } else {
            String accept = String.join(", ", Collections.list(request.getHeaders("Accept")));
            chosen = negotiate(accept);
            if ( chosen.isEmpty() ) {
                sendText(response, HttpServletResponse.SC_NOT_ACCEPTABLE,
                         "Not acceptable: no format matches 'Accept: " + accept + "'. /ontology is available as "
                         + AVAILABLE + ".");
                return;
            }
        }
        Graph ontology = ontologyGraph(config.dataset());
        if ( ontology.isEmpty() ) {
            sendText(response, HttpServletResponse.SC_NOT_FOUND, "No ontology is loaded in this dataset.");
            return;
        }
        Representation representation = chosen.get();
        byte[] body;
        if ( representation == Representation.HTML ) {
            String base = PublicUrls.base(request, config.baseUrl());
            Map<String, Object> model = OntologyDocumentation.model(ontology, PREFIXES, base);
            body = Templates.render("ontology.ftlh", model).getBytes(StandardCharsets.UTF_8);
        } else {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, ontology, representation.lang());
            body = out.toByteArray();
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(representation.mediaType() + "; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * A copy of the ontology graph, read in a read transaction, with the ontology's prefixes
     * only (a named graph shares the prefixes of the whole dataset, those of the data too).
     */
    static Graph ontologyGraph(DatasetGraph dataset) {
        Graph copy = GraphFactory.createDefaultGraph();
        Txn.executeRead(dataset, () -> dataset.getGraph(Graphs.Nodes.ONTOLOGY).find().forEach(copy::add));
        copy.getPrefixMapping().setNsPrefixes(PREFIXES);
        return copy;
    }

    private static void sendText(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
