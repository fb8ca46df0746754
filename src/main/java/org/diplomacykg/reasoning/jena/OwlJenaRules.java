package org.diplomacykg.reasoning.jena;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/**
 * The Java OWL rules (org.diplomacykg.reasoning.owl) as Jena rules: one Jena rule per axiom,
 * read from the ontology graph only, with the same choice of axioms (named classes and
 * properties, well-formed chains of IRIs, no datatype as a domain or range) and the same
 * guard against literal subjects. Rules per axiom rather than generic rules over the schema
 * triples, because the Java rules read their axioms once from the ontology graph: schema
 * triples in the data, or concluded by a rule, never make new axioms.
 */
final class OwlJenaRules {

    private static final Comparator<Triple> ORDER = Comparator
        .comparing(Triple::getSubject, NodeCmp::compareRDFTerms)
        .thenComparing(Triple::getPredicate, NodeCmp::compareRDFTerms)
        .thenComparing(Triple::getObject, NodeCmp::compareRDFTerms);

    /** The non-XSD datatypes that OWL rules never conclude as a type (as in the Java Axioms). */
    private static final Set<Node> DATATYPES = Set.of(
        RDFS.Nodes.Literal, RDF.Nodes.langString, RDF.Nodes.dirLangString, RDF.Nodes.xmlLiteral,
        RDF.Nodes.HTML, RDF.Nodes.JSON, RDF.Nodes.PlainLiteral, RDF.Nodes.CompoundLiteral,
        OWL2.real.asNode(), OWL2.rational.asNode());

    private OwlJenaRules() {}

    /** Every OWL rule of the ontology, all in stratum 0 (they are monotonic). */
    static List<Rule> fromOntology(Graph ontology) {
        List<String> text = new ArrayList<>();
        int n = 0;
        for ( Triple a : betweenIris(ontology, RDFS.Nodes.subClassOf) )
            text.add(rule("subclass", ++n, "(?x rdf:type " + iri(a.getSubject()) + ")", "(?x rdf:type " + iri(a.getObject()) + ")"));
        for ( Triple a : betweenIris(ontology, RDFS.Nodes.subPropertyOf) )
            text.add(rule("subproperty", ++n, "(?s " + iri(a.getSubject()) + " ?o)", "(?s " + iri(a.getObject()) + " ?o)"));
        for ( Triple a : betweenIris(ontology, OWL2.inverseOf.asNode()) ) {
            text.add(rule("inverse", ++n, "(?s " + iri(a.getSubject()) + " ?o), notLiteral(?o)", "(?o " + iri(a.getObject()) + " ?s)"));
            if ( !a.getSubject().equals(a.getObject()) )
                text.add(rule("inverse", ++n, "(?s " + iri(a.getObject()) + " ?o), notLiteral(?o)", "(?o " + iri(a.getSubject()) + " ?s)"));
        }
        for ( Triple a : typed(ontology, OWL2.SymmetricProperty.asNode()) )
            text.add(rule("symmetric", ++n, "(?s " + iri(a.getSubject()) + " ?o), notLiteral(?o)", "(?o " + iri(a.getSubject()) + " ?s)"));
        for ( Triple a : typed(ontology, OWL2.TransitiveProperty.asNode()) ) {
            String p = iri(a.getSubject());
            text.add(rule("transitive", ++n, "(?a " + p + " ?b), (?b " + p + " ?c)", "(?a " + p + " ?c)"));
        }
        for ( List<Node> chain : chains(ontology) )
            text.add(chainRule(++n, chain));
        for ( Triple a : toNamedClass(ontology, RDFS.Nodes.domain) )
            text.add(rule("domain", ++n, "(?s " + iri(a.getSubject()) + " ?o)", "(?s rdf:type " + iri(a.getObject()) + ")"));
        for ( Triple a : toNamedClass(ontology, RDFS.Nodes.range) )
            text.add(rule("range", ++n, "(?s " + iri(a.getSubject()) + " ?o), notLiteral(?o)", "(?o rdf:type " + iri(a.getObject()) + ")"));
        return Rule.parseRules(String.join("\n", text));
    }

    /** The chain's property first, then its steps: {@code p1 ... pn} give {@code p}. */
    private static String chainRule(int n, List<Node> chain) {
        StringBuilder body = new StringBuilder();
        for ( int i = 1; i < chain.size(); i++ ) {
            if ( i > 1 )
                body.append(", ");
            body.append("(?x").append(i - 1).append(' ').append(iri(chain.get(i))).append(" ?x").append(i).append(')');
        }
        return rule("property-chain", n, body.toString(), "(?x0 " + iri(chain.get(0)) + " ?x" + (chain.size() - 1) + ")");
    }

    private static String rule(String kind, int n, String body, String head) {
        return "[s0-owl-" + kind + "-" + n + ": " + body + " -> " + head + "]";
    }

    private static String iri(Node node) {
        return "<" + node.getURI() + ">";
    }

    private static List<Triple> find(Graph g, Node s, Node p, Node o) {
        return Iter.toList(g.find(s, p, o));
    }

    private static List<Triple> betweenIris(Graph ontology, Node predicate) {
        List<Triple> axioms = new ArrayList<>(find(ontology, Node.ANY, predicate, Node.ANY).stream()
            .filter(t -> t.getSubject().isURI() && t.getObject().isURI()).toList());
        axioms.sort(ORDER);
        return axioms;
    }

    private static List<Triple> toNamedClass(Graph ontology, Node predicate) {
        return betweenIris(ontology, predicate).stream().filter(a -> isNamedClass(ontology, a.getObject())).toList();
    }

    private static boolean isNamedClass(Graph ontology, Node node) {
        if ( node.getURI().startsWith(XSD.getURI()) || DATATYPES.contains(node) )
            return false;
        return !ontology.contains(node, RDF.Nodes.type, RDFS.Nodes.Datatype);
    }

    private static List<Triple> typed(Graph ontology, Node kind) {
        List<Triple> axioms = new ArrayList<>(find(ontology, Node.ANY, RDF.Nodes.type, kind).stream()
            .filter(t -> t.getSubject().isURI()).toList());
        axioms.sort(ORDER);
        return axioms;
    }

    /** Each usable chain as (property, step1, ..., stepN): IRIs only, a well-formed non-empty list. */
    private static List<List<Node>> chains(Graph ontology) {
        List<Triple> axioms = find(ontology, Node.ANY, OWL2.propertyChainAxiom.asNode(), Node.ANY);
        axioms.sort(ORDER);
        List<List<Node>> chains = new ArrayList<>();
        for ( Triple axiom : axioms ) {
            if ( !axiom.getSubject().isURI() )
                continue;
            Optional<List<Node>> steps = list(ontology, axiom.getObject());
            if ( steps.isEmpty() || steps.get().isEmpty() || !steps.get().stream().allMatch(Node::isURI) )
                continue;
            List<Node> chain = new ArrayList<>();
            chain.add(axiom.getSubject());
            chain.addAll(steps.get());
            chains.add(chain);
        }
        return chains;
    }

    private static Optional<List<Node>> list(Graph graph, Node head) {
        List<Node> members = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Node cell = head;
        while ( !RDF.Nodes.nil.equals(cell) ) {
            if ( !(cell.isURI() || cell.isBlank()) || !seen.add(cell) )
                return Optional.empty();
            List<Triple> first = find(graph, cell, RDF.Nodes.first, Node.ANY);
            List<Triple> rest = find(graph, cell, RDF.Nodes.rest, Node.ANY);
            if ( first.size() != 1 || rest.size() != 1 )
                return Optional.empty();
            members.add(first.get(0).getObject());
            cell = rest.get(0).getObject();
        }
        return Optional.of(members);
    }
}
