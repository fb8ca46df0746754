package org.diplomacykg.server.describe;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.VOID;
import org.diplomacykg.server.KgServer;
import org.diplomacykg.server.PublicUrls;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.describe.DatasetStatistics.GraphFigures;
import org.diplomacykg.server.describe.DatasetStatistics.TermCount;
import org.diplomacykg.server.http.ContentNegotiation;
import org.diplomacykg.server.http.NegotiatedResponses;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.vocab.DKG;

/**
 * /.well-known/void: the VoID description of the dataset, in Turtle, JSON-LD, RDF/XML or
 * N-Triples by {@code Accept} or {@code ?format=} ({@link #FORMATS}). The dataset ({@code BASE/.well-known/void#dataset}) has its
 * figures (triples, entities, classes, properties, distinct subjects and objects) over the
 * default graph that SPARQL queries see (the named graphs but the explanations), its endpoint, URI space, example resources and vocabularies,
 * a class and a property partition for each class and property used, and one subset per
 * named graph ({@code BASE/.well-known/void#graph/...}) with its own figures and dump. Each
 * subset is tied to its graph name as in a SPARQL service description
 * ({@code sd:namedGraph [ sd:name <graph> ; sd:graph <subset> ]}), and is the same resource
 * that {@link ServiceDescriptionFilter} describes.
 */
public final class VoidServlet extends HttpServlet {

    /** Things worth looking at first; only those present in the data are listed. */
    static final List<String> EXAMPLE_SLUGS = List.of(
        "sergey-lavrov", "russia-position-on-ukraine", "budapest-summit-2025", "alaska-summit-2025");

    private static final String FOAF = "http://xmlns.com/foaf/0.1/";

    /**
     * What the descriptions of the service (VoID, the service description) offer, Turtle first.
     * They have no HTML page: a browser gets the Turtle as plain text, which it shows; so does
     * a client that asks for {@code text/plain}.
     */
    public static final ContentNegotiation FORMATS = ContentNegotiation.of(
        ResponseFormat.TURTLE, ResponseFormat.JSONLD, ResponseFormat.RDFXML, ResponseFormat.TURTLE_AS_TEXT,
        ResponseFormat.NTRIPLES);

    private final transient ServerConfig config;

    public VoidServlet(ServerConfig config) {
        this.config = config;
    }

    /** Where the VoID description is served. */
    static String documentUrl(String base) {
        return base + "/.well-known/void";
    }

    /** The IRI of the dataset the VoID description (and the service description) describes. */
    static String datasetIri(String base) {
        return documentUrl(base) + "#dataset";
    }

    /** The IRI of the subset that is one named graph, e.g. {@code ...#graph/source/lavrov-rubio-2025-10}. */
    static String graphIri(String base, String graph) {
        String name = graph.startsWith(DKG.GRAPH_BASE)
            ? graph.substring(DKG.GRAPH_BASE.length())
            : URLEncoder.encode(graph, StandardCharsets.UTF_8);
        return documentUrl(base) + "#graph/" + name;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = PublicUrls.base(request, config.baseUrl());
        DatasetStatistics stats = new DatasetStatistics(config.dataset(), config.queryTimeout());
        Model description = Txn.calculateRead(config.dataset(), () -> describe(base, stats));
        send(request, response, description);
    }

    /** Sends a description of the service in the negotiated syntax ({@link #FORMATS}), or a 406. */
    static void send(HttpServletRequest request, HttpServletResponse response, Model description) throws IOException {
        // The figures change with every update: caches must ask again.
        response.setHeader("Cache-Control", "no-cache");
        NegotiatedResponses.sendGraph(request, response, FORMATS, description.getGraph(), "This description");
    }

    /** The VoID description, with links under {@code base}; run inside a read transaction. */
    static Model describe(String base, DatasetStatistics stats) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("void", VOID.NS);
        m.setNsPrefix("dcterms", DCTerms.NS);
        m.setNsPrefix("rdfs", RDFS.uri);
        m.setNsPrefix("foaf", FOAF);
        m.setNsPrefix("sd", ServiceDescriptionFilter.SD);
        m.setNsPrefix("formats", ServiceDescriptionFilter.FORMATS);
        m.setNsPrefix("dkg", DKG.NS);
        m.setNsPrefix("id", DKG.ID_BASE);
        m.setNsPrefix("graph", DKG.GRAPH_BASE);

        String sparql = base + KgServer.DATASET + "/sparql";
        Resource dataset = m.createResource(datasetIri(base))
            .addProperty(RDF.type, VOID.Dataset)
            .addProperty(DCTerms.title, "diplomacy-kg", "en")
            .addProperty(DCTerms.description,
                "A knowledge graph of diplomatic negotiations: which states and officials met, talked, said and"
                + " demanded what, when, and how their negotiating positions evolve. Facts drawn from news articles,"
                + " each traceable to its sentence, with what the service's rules infer from them and why.", "en")
            .addProperty(VOID.sparqlEndpoint, m.createResource(sparql))
            .addProperty(VOID.uriSpace, DKG.ID_BASE)
            .addProperty(VOID.dataDump, m.createResource(base + KgServer.DATASET + "/get?default"));
        m.createResource(documentUrl(base))
            .addProperty(RDF.type, VOID.DatasetDescription)
            .addProperty(DCTerms.title, "VoID description of diplomacy-kg", "en")
            .addProperty(m.createProperty(FOAF, "primaryTopic"), dataset);
        for ( String format : List.of("Turtle", "JSON-LD", "RDF_XML", "N-Triples") )
            dataset.addProperty(VOID.feature, m.createResource(ServiceDescriptionFilter.FORMATS + format));
        for ( String license : stats.ontologyLicenses() )
            dataset.addProperty(DCTerms.license, m.createResource(license));

        GraphFigures union = stats.union();
        List<TermCount> classes = stats.classPartitions();
        List<TermCount> properties = stats.propertyPartitions();
        figures(dataset, union);
        dataset.addLiteral(VOID.entities, DatasetStatistics.integer(stats.entities()))
               .addLiteral(VOID.classes, DatasetStatistics.integer(classes.size()));

        List<String> examples = EXAMPLE_SLUGS.stream().map(DKG::id).toList();
        for ( String example : stats.existing(examples) )
            dataset.addProperty(VOID.exampleResource, m.createResource(example));

        Set<String> vocabularies = new TreeSet<>();
        for ( TermCount c : classes ) {
            vocabularies.add(namespace(c.iri()));
            dataset.addProperty(VOID.classPartition, m.createResource()
                .addProperty(VOID._class, m.createResource(c.iri()))
                .addLiteral(VOID.entities, DatasetStatistics.integer(c.count())));
        }
        for ( TermCount p : properties ) {
            vocabularies.add(namespace(p.iri()));
            dataset.addProperty(VOID.propertyPartition, m.createResource()
                .addProperty(VOID.property, m.createResource(p.iri()))
                .addLiteral(VOID.triples, DatasetStatistics.integer(p.count())));
        }
        vocabularies.removeIf(ns -> ns.startsWith(DKG.ID_BASE));
        vocabularies.forEach(ns -> dataset.addProperty(VOID.vocabulary, m.createResource(ns)));

        for ( GraphFigures g : stats.namedGraphs() ) {
            Resource subset = m.createResource(graphIri(base, g.graph()))
                .addProperty(RDF.type, VOID.Dataset)
                .addProperty(DCTerms.title, "named graph <" + g.graph() + ">", "en")
                .addProperty(VOID.sparqlEndpoint, m.createResource(sparql))
                .addProperty(VOID.dataDump, m.createResource(base + KgServer.DATASET + "/get?graph="
                    + URLEncoder.encode(g.graph(), StandardCharsets.UTF_8)));
            if ( !g.description().isEmpty() )
                subset.addProperty(DCTerms.description, g.description(), "en");
            figures(subset, g);
            dataset.addProperty(VOID.subset, subset);
            dataset.addProperty(m.createProperty(ServiceDescriptionFilter.SD, "namedGraph"), m.createResource()
                .addProperty(m.createProperty(ServiceDescriptionFilter.SD, "name"), m.createResource(g.graph()))
                .addProperty(m.createProperty(ServiceDescriptionFilter.SD, "graph"), subset));
        }
        return m;
    }

    private static void figures(Resource dataset, GraphFigures g) {
        dataset.addLiteral(VOID.triples, DatasetStatistics.integer(g.triples()))
               .addLiteral(VOID.properties, DatasetStatistics.integer(g.properties()))
               .addLiteral(VOID.distinctSubjects, DatasetStatistics.integer(g.distinctSubjects()))
               .addLiteral(VOID.distinctObjects, DatasetStatistics.integer(g.distinctObjects()));
    }

    /** The namespace of a term: up to and including its last {@code #} or {@code /}. */
    static String namespace(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut < 0 ? iri : iri.substring(0, cut + 1);
    }
}
