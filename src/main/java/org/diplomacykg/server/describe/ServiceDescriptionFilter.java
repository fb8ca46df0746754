package org.diplomacykg.server.describe;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.diplomacykg.server.PublicUrls;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.describe.DatasetStatistics.GraphFigures;
import org.diplomacykg.server.describe.DatasetStatistics.RuleInfo;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * SPARQL 1.1 Service Description: a GET (or HEAD) on the query endpoint without a
 * {@code query} parameter answers with the description of the service instead of an error;
 * every other request (a query by GET, any POST, a CORS preflight) goes on to Fuseki
 * unchanged.
 * <p>
 * The description names the endpoint (at the public base URL), SPARQL 1.1 Query as the only
 * language (the server is read-only), the result formats, the union default graph, and the
 * default dataset: the default graph and each named graph with its triple count. The graph
 * descriptions are the same resources as the subsets of the VoID description
 * ({@link VoidServlet}). Inferences are materialised into the inferred graph by the service's
 * own rules rather than by a standard entailment regime: queries use simple entailment, and
 * the inferred graph says how it was made and by which rules.
 */
public final class ServiceDescriptionFilter implements Filter {

    /** The SPARQL 1.1 Service Description namespace. */
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    /** W3C unique URIs for file formats. */
    static final String FORMATS = "http://www.w3.org/ns/formats/";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String ENTAILMENT = "http://www.w3.org/ns/entailment/";

    /** Result formats Fuseki gives: SELECT/ASK results, then CONSTRUCT/DESCRIBE graphs. */
    private static final List<String> RESULT_FORMATS = List.of(
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
        "Turtle", "JSON-LD", "RDF_XML", "N-Triples");

    private final ServerConfig config;

    public ServiceDescriptionFilter(ServerConfig config) {
        this.config = config;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ( request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse
             && isDescriptionRequest(http) ) {
            String base = PublicUrls.base(http, config.baseUrl());
            // The endpoint is the URL asked, under the public base: the filter may guard several.
            String endpoint = base + http.getRequestURI().substring(http.getContextPath().length());
            DatasetStatistics stats = new DatasetStatistics(config.dataset(), config.queryTimeout());
            Model description = Txn.calculateRead(config.dataset(), () -> describe(base, endpoint, stats));
            VoidServlet.send(http, httpResponse, description);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A GET or HEAD without a query: anything else is a SPARQL request for Fuseki. */
    static boolean isDescriptionRequest(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && request.getParameter("query") == null;
    }

    /** The service description of {@code endpoint}, with links under {@code base}; run inside a read transaction. */
    static Model describe(String base, String endpoint, DatasetStatistics stats) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD);
        m.setNsPrefix("void", VOID.NS);
        m.setNsPrefix("dcterms", DCTerms.NS);
        m.setNsPrefix("rdfs", RDFS.uri);
        m.setNsPrefix("prov", PROV);
        m.setNsPrefix("formats", FORMATS);
        m.setNsPrefix("ent", ENTAILMENT);
        m.setNsPrefix("dkg", DKG.NS);

        Resource service = m.createResource()
            .addProperty(RDF.type, m.createResource(SD + "Service"))
            .addProperty(DCTerms.title, "diplomacy-kg SPARQL endpoint", "en")
            .addProperty(sd(m, "endpoint"), m.createResource(endpoint))
            .addProperty(sd(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
            // Not sd:UnionDefaultGraph: the default graph leaves the explanations and audit graphs out.
            .addProperty(sd(m, "defaultEntailmentRegime"), m.createResource(ENTAILMENT + "Simple"));
        for ( String format : RESULT_FORMATS )
            service.addProperty(sd(m, "resultFormat"), m.createResource(FORMATS + format));

        Resource dataset = m.createResource(VoidServlet.datasetIri(base))
            .addProperty(RDF.type, m.createResource(SD + "Dataset"))
            .addProperty(RDFS.seeAlso, m.createResource(VoidServlet.documentUrl(base)));
        service.addProperty(sd(m, "defaultDataset"), dataset);

        GraphFigures union = stats.union();
        dataset.addProperty(sd(m, "defaultGraph"), m.createResource()
            .addProperty(RDF.type, m.createResource(SD + "Graph"))
            .addLiteral(VOID.triples, DatasetStatistics.integer(union.triples()))
            .addProperty(DCTerms.description, "The facts: the union of the named graphs, asserted and inferred, except the explanations graph"
                + " <" + Graphs.EXPLANATIONS + "> and the audit graph <" + Graphs.AUDIT + ">, which are queried with GRAPH.", "en"));

        for ( GraphFigures g : stats.namedGraphs() ) {
            Resource graph = m.createResource(VoidServlet.graphIri(base, g.graph()))
                .addProperty(RDF.type, m.createResource(SD + "Graph"))
                .addLiteral(VOID.triples, DatasetStatistics.integer(g.triples()));
            if ( !g.description().isEmpty() )
                graph.addProperty(DCTerms.description, g.description(), "en");
            dataset.addProperty(sd(m, "namedGraph"), m.createResource()
                .addProperty(RDF.type, m.createResource(SD + "NamedGraph"))
                .addProperty(sd(m, "name"), m.createResource(g.graph()))
                .addProperty(sd(m, "graph"), graph));
            if ( g.graph().equals(Graphs.INFERRED) )
                graph.addProperty(m.createProperty(PROV, "wasGeneratedBy"), materialisation(m, stats.rules()));
        }
        return m;
    }

    /** How the inferred graph is made: the rules, run at load and at every commit. */
    private static Resource materialisation(Model m, List<RuleInfo> rules) {
        Resource activity = m.createResource()
            .addProperty(RDF.type, m.createResource(PROV + "Activity"))
            .addProperty(DCTerms.description,
                "Materialisation by the service's own rules (Java), run to a fixpoint at load and inside every"
                + " write transaction before it commits. They implement part of the ontology's OWL axioms"
                + " (sub-class, sub-property, inverse, symmetric, transitive, property chains, domain, range)"
                + " and domain rules OWL cannot state; this is not a standard entailment regime. Why each"
                + " inferred triple holds is in the graph <" + Graphs.EXPLANATIONS + ">.", "en");
        Property used = m.createProperty(PROV, "used");
        for ( RuleInfo rule : rules ) {
            Resource r = m.createResource(rule.iri()).addProperty(RDF.type, m.createResource(DKG.NS + "Rule"));
            if ( rule.label() != null )
                r.addProperty(RDFS.label, rule.label(), "en");
            if ( rule.description() != null )
                r.addProperty(DCTerms.description, rule.description(), "en");
            activity.addProperty(used, r);
        }
        return activity;
    }

    private static Property sd(Model m, String localName) {
        return m.createProperty(SD, localName);
    }
}
