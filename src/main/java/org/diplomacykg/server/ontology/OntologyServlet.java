package org.diplomacykg.server.ontology;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
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
import org.diplomacykg.server.http.ContentNegotiation;
import org.diplomacykg.server.http.NegotiatedResponses;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.server.http.Responses;
import org.diplomacykg.server.pages.Templates;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * /ontology: the ontology graph exactly as loaded, by content negotiation (Turtle, RDF/XML,
 * JSON-LD, N-Triples), and for browsers its documentation page. {@code ?format=ttl|rdf|jsonld|nt|html}
 * overrides the {@code Accept} header (the page's download links use it); a name not on offer is
 * a 400.
 *
 * <p>When a client accepts several formats equally, the RDF formats come before HTML: OWL API
 * (Protégé's "Open from URL") sends {@code application/rdf+xml, application/xml; q=0.7, text/xml;
 * q=0.6, text/plain; q=0.1, *}{@code /*; q=0.09} and must get RDF, while a browser, which puts
 * {@code text/html} above {@code *}{@code /*}, gets the page.
 */
public final class OntologyServlet extends HttpServlet {

    /** What {@code /ontology} offers, in order of preference: RDF before HTML. */
    public static final ContentNegotiation FORMATS = ContentNegotiation.of(
        ResponseFormat.TURTLE, ResponseFormat.RDFXML, ResponseFormat.JSONLD, ResponseFormat.NTRIPLES, ResponseFormat.HTML);

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
        .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
        .setNsPrefix("org", "http://www.w3.org/ns/org#")
        .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/")
        .setNsPrefix("schema", "https://schema.org/")
        .setNsPrefix("time", "http://www.w3.org/2006/time#")
        .lock();

    private final transient ServerConfig config;

    public OntologyServlet(ServerConfig config) {
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ResponseFormat> chosen = NegotiatedResponses.choose(request, response, FORMATS);
        if ( chosen.isEmpty() ) {
            NegotiatedResponses.notAcceptable(response, FORMATS, "/ontology");
            return;
        }
        Graph ontology = ontologyGraph(config.dataset());
        if ( ontology.isEmpty() ) {
            Responses.text(response, HttpServletResponse.SC_NOT_FOUND, "No ontology is loaded in this dataset.");
            return;
        }
        ResponseFormat format = chosen.get();
        if ( format == ResponseFormat.HTML ) {
            String base = PublicUrls.base(request, config.baseUrl());
            Map<String, Object> model = OntologyDocumentation.model(ontology, PREFIXES, base);
            Responses.html(response, HttpServletResponse.SC_OK, Templates.render("ontology.ftlh", model));
        } else {
            NegotiatedResponses.sendRdf(request, response, format, NegotiatedResponses.write(ontology, format));
        }
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
}
