package org.diplomacykg.server.linkeddata;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.Derivations;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.http.ContentNegotiation;
import org.diplomacykg.server.http.NegotiatedResponses;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.server.http.Responses;
import org.diplomacykg.vocab.DKG;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /kg/explain}: every derivation of one inferred triple, worked out by the rules over the
 * data as it is now ({@link Derivations}); the explanations graph keeps one of them. The triple
 * is {@code ?s=IRI&p=IRI&o=TERM} (the object an IRI, or any term in N-Triples form such as
 * {@code "2025-08-15T00:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>}), or
 * {@code ?triple=} one triple in N-Triples. The answer uses the explanations graph's encoding,
 * every premise included (also the ontology axioms the stored derivation leaves out), with the
 * rules' labels and descriptions: Turtle, N-Triples or JSON-LD by {@code Accept}. JSON-LD 1.1 has
 * no triple terms, so there each triple is a node with {@code rdf:subject}, {@code rdf:predicate}
 * and {@code rdf:object}. 404 when the triple is not inferred, 400 with a message when the
 * request does not name a triple.
 */
public final class ExplainServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(ExplainServlet.class);

    /** What {@code /kg/explain} offers, Turtle first. */
    static final ContentNegotiation FORMATS = ContentNegotiation.of(
        ResponseFormat.TURTLE, ResponseFormat.NTRIPLES, ResponseFormat.JSONLD);

    private final transient ServerConfig config;

    public ExplainServlet(ServerConfig config) {
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ResponseFormat> format = NegotiatedResponses.choose(request, response, FORMATS);
        Triple triple;
        try {
            triple = triple(request);
        } catch (IllegalArgumentException ex) {
            Responses.text(response, HttpServletResponse.SC_BAD_REQUEST, ex.getMessage());
            return;
        }
        if ( format.isEmpty() ) {
            NegotiatedResponses.notAcceptable(response, FORMATS, "An explanation");
            return;
        }
        Graph answer;
        try {
            DatasetGraph dataset = config.dataset();
            answer = Txn.calculateRead(dataset, () -> describe(Derivations.standard(dataset), triple));
        } catch (RuntimeException ex) {
            LOG.error("Could not explain {}", triple, ex);
            Responses.couldNotRead(response);
            return;
        }
        if ( answer == null ) {
            Responses.text(response, HttpServletResponse.SC_NOT_FOUND,
                "That triple is not inferred (it may be asserted, or not hold at all): only inferred triples have derivations.");
            return;
        }
        Graph out = format.get() == ResponseFormat.JSONLD ? reified(answer) : answer;
        NegotiatedResponses.sendRdf(request, response, format.get(), NegotiatedResponses.write(out, format.get()));
    }

    /** The derivations of {@code t} in the explanations graph's encoding, with the rules described; null when t is not inferred. */
    static Graph describe(Derivations derivations, Triple t) {
        List<Derivation> all = derivations.of(t);
        if ( all.isEmpty() )
            return null;
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix(DKG.PREFIX, DKG.NS).setNsPrefix("rdfs", RDFS.getURI())
         .setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("id", DKG.ID_BASE)
         .setNsPrefix("rdf", RDF.getURI()).setNsPrefix("xsd", XSD.getURI());
        for ( Derivation d : all ) {
            Node node = derivations.iri(d);
            Node rule = Derivations.ruleNode(d);
            g.add(node, DKG.Nodes.conclusion, NodeFactory.createTripleTerm(t));
            g.add(node, DKG.Nodes.derivedBy, rule);
            for ( Triple premise : d.premises() )
                g.add(node, DKG.Nodes.premise, NodeFactory.createTripleTerm(premise));
            g.add(rule, RDFS.Nodes.label, NodeFactory.createLiteralLang(d.rule().label(), "en"));
            g.add(rule, DCTerms.description.asNode(), NodeFactory.createLiteralLang(d.rule().description(), "en"));
        }
        return g;
    }

    /** The triple the request names; IllegalArgumentException with what to change otherwise. */
    static Triple triple(HttpServletRequest request) {
        String nt = request.getParameter("triple");
        String s = request.getParameter("s"), p = request.getParameter("p"), o = request.getParameter("o");
        if ( nt != null ) {
            if ( s != null || p != null || o != null )
                throw new IllegalArgumentException("Name the triple either with ?triple= or with ?s=, ?p= and ?o=, not both.");
            return parseNTriples(nt);
        }
        if ( s == null || p == null || o == null )
            throw new IllegalArgumentException("Name an inferred triple: ?s=IRI&p=IRI&o=TERM (the object an IRI, or a term in "
                + "N-Triples form such as \"2025-08-15T00:00:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime>), "
                + "or ?triple= one triple in N-Triples.");
        return Triple.create(iri("s", s), iri("p", p), term(o));
    }

    private static Node iri(String name, String value) {
        Node n = term(value);
        if ( !n.isURI() )
            throw new IllegalArgumentException("?" + name + "= must be an IRI, not " + value);
        return n;
    }

    /** An IRI as it is, or a term in N-Triples form ({@code <iri>}, a literal). */
    private static Node term(String value) {
        String v = value.strip();
        if ( v.isEmpty() )
            throw new IllegalArgumentException("An empty term: give an IRI or a term in N-Triples form.");
        boolean written = v.startsWith("<") || v.startsWith("\"") || v.startsWith("_:");
        if ( v.startsWith("_:") )
            throw new IllegalArgumentException("A blank node cannot be named from outside the store: " + v);
        try {
            Node n = written ? NodeFactoryExtra.parseNode(v) : NodeFactory.createURI(v);
            if ( n.isURI() && !isAbsolute(n.getURI()) )
                throw new IllegalArgumentException("Not an absolute IRI: " + n.getURI());
            return n;
        } catch (RiotException ex) {
            throw new IllegalArgumentException("Not a term in N-Triples form: " + v + " (" + ex.getMessage() + ")");
        }
    }

    private static boolean isAbsolute(String iri) {
        return iri.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+") && !iri.contains("<") && !iri.contains(">") && !iri.contains("\"");
    }

    private static Triple parseNTriples(String text) {
        String line = text.strip();
        if ( !line.endsWith(".") )
            line = line + " .";
        Graph g = GraphFactory.createDefaultGraph();
        try {
            RDFParser.fromString(line, Lang.NTRIPLES).errorHandler(ErrorHandlerFactory.errorHandlerNoLogging).parse(g);
        } catch (RiotException ex) {
            throw new IllegalArgumentException("?triple= is not one triple in N-Triples: " + ex.getMessage());
        }
        if ( g.size() != 1 )
            throw new IllegalArgumentException("?triple= must hold exactly one triple; it holds " + g.size() + ".");
        Triple t = g.find().next();
        if ( t.getSubject().isBlank() || t.getObject().isBlank() )
            throw new IllegalArgumentException("A blank node cannot be named from outside the store.");
        return t;
    }

    /** {@code g} with each triple term replaced by a node giving its rdf:subject, rdf:predicate and rdf:object. */
    static Graph reified(Graph g) {
        Graph out = GraphFactory.createDefaultGraph();
        out.getPrefixMapping().setNsPrefixes(g.getPrefixMapping()).setNsPrefix("rdf", RDF.getURI());
        Map<Node, Node> nodes = new HashMap<>();
        g.find().forEachRemaining(t -> {
            Node o = t.getObject();
            if ( o.isTripleTerm() ) {
                Node r = nodes.computeIfAbsent(o, k -> {
                    Node b = NodeFactory.createBlankNode();
                    out.add(b, RDF.Nodes.subject, k.getTriple().getSubject());
                    out.add(b, RDF.Nodes.predicate, k.getTriple().getPredicate());
                    out.add(b, RDF.Nodes.object, k.getTriple().getObject());
                    return b;
                });
                o = r;
            }
            out.add(t.getSubject(), t.getPredicate(), o);
        });
        return out;
    }
}
