package org.diplomacykg.reasoning.owl;

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
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/**
 * Reading axioms out of the ontology graph, and the few graph helpers the rules share. Public
 * so that the Jena-rule baseline (org.diplomacykg.bench.jena) chooses the same axioms.
 */
public final class Axioms {

    /** A total order on triples, so that rules built from the same ontology behave the same. */
    public static final Comparator<Triple> ORDER = Comparator
        .comparing(Triple::getSubject, NodeCmp::compareRDFTerms)
        .thenComparing(Triple::getPredicate, NodeCmp::compareRDFTerms)
        .thenComparing(Triple::getObject, NodeCmp::compareRDFTerms);

    /** Datatypes outside the XSD namespace that may appear as a range. */
    private static final Set<Node> DATATYPES = Set.of(
        RDFS.Nodes.Literal, RDF.Nodes.langString, RDF.Nodes.dirLangString, RDF.Nodes.xmlLiteral,
        RDF.Nodes.HTML, RDF.Nodes.JSON, RDF.Nodes.PlainLiteral, RDF.Nodes.CompoundLiteral,
        OWL2.real.asNode(), OWL2.rational.asNode());

    private Axioms() {}

    /**
     * The triples matching the pattern, read in full and the iterator closed, so that the
     * caller may emit conclusions (which a materialiser may add to the same graph) afterwards.
     */
    public static List<Triple> find(Graph graph, Node s, Node p, Node o) {
        ExtendedIterator<Triple> it = graph.find(s, p, o);
        try {
            return Iter.toList(it);
        } finally {
            it.close();
        }
    }

    /** The ontology triples with this predicate whose subject and object are both IRIs, sorted. */
    public static List<Triple> betweenIris(Graph ontology, Node predicate) {
        List<Triple> axioms = new ArrayList<>();
        for ( Triple t : find(ontology, Node.ANY, predicate, Node.ANY) ) {
            if ( t.getSubject().isURI() && t.getObject().isURI() )
                axioms.add(t);
        }
        axioms.sort(ORDER);
        return axioms;
    }

    /**
     * The ontology triples {@code (p predicate C)} with p an IRI and C a named class, sorted:
     * the domain or range axioms that give a type to conclude.
     */
    public static List<Triple> toNamedClass(Graph ontology, Node predicate) {
        List<Triple> axioms = new ArrayList<>();
        for ( Triple axiom : betweenIris(ontology, predicate) ) {
            if ( isNamedClass(ontology, axiom.getObject()) )
                axioms.add(axiom);
        }
        return axioms;
    }

    /** The triples {@code (p rdf:type kind)} with p an IRI, sorted. */
    public static List<Triple> typed(Graph ontology, Node kind) {
        List<Triple> axioms = new ArrayList<>();
        for ( Triple t : find(ontology, Node.ANY, RDF.Nodes.type, kind) ) {
            if ( t.getSubject().isURI() )
                axioms.add(t);
        }
        axioms.sort(ORDER);
        return axioms;
    }

    /** A node that may be the subject of a triple: an IRI or a blank node, never a literal. */
    static boolean isResource(Node node) {
        return node.isURI() || node.isBlank();
    }

    /**
     * Whether {@code node} names a class, so that {@code x rdf:type node} is a sound
     * conclusion: an IRI that is neither a datatype of XSD, RDF, RDFS or OWL nor declared
     * {@code rdfs:Datatype} in the ontology. Blank nodes (unions, restrictions) are not.
     */
    static boolean isNamedClass(Graph ontology, Node node) {
        if ( !node.isURI() )
            return false;
        if ( node.getURI().startsWith(XSD.getURI()) || DATATYPES.contains(node) )
            return false;
        return !ontology.contains(node, RDF.Nodes.type, RDFS.Nodes.Datatype);
    }

    /**
     * The members of the well-formed RDF list starting at {@code head}: every cell has exactly
     * one {@code rdf:first} and one {@code rdf:rest}, it ends in {@code rdf:nil} and it has
     * no cycle. Empty when the list is malformed.
     */
    public static Optional<List<Node>> list(Graph graph, Node head) {
        List<Node> members = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Node cell = head;
        while ( !RDF.Nodes.nil.equals(cell) ) {
            if ( !isResource(cell) || !seen.add(cell) )
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
