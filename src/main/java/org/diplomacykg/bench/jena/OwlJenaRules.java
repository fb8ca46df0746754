package org.diplomacykg.bench.jena;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.reasoning.owl.Axioms;

import static org.diplomacykg.reasoning.owl.Axioms.betweenIris;
import static org.diplomacykg.reasoning.owl.Axioms.find;
import static org.diplomacykg.reasoning.owl.Axioms.list;
import static org.diplomacykg.reasoning.owl.Axioms.toNamedClass;
import static org.diplomacykg.reasoning.owl.Axioms.typed;

/**
 * The Java OWL rules (org.diplomacykg.reasoning.owl) as Jena rules: one Jena rule per axiom,
 * read from the ontology graph only, with the same choice of axioms (named classes and
 * properties, well-formed chains of IRIs, no datatype as a domain or range) and the same
 * guard against literal subjects. Rules per axiom rather than generic rules over the schema
 * triples, because the Java rules read their axioms once from the ontology graph: schema
 * triples in the data, or concluded by a rule, never make new axioms.
 */
final class OwlJenaRules {

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

    /** Each usable chain as (property, step1, ..., stepN): IRIs only, a well-formed non-empty list. */
    private static List<List<Node>> chains(Graph ontology) {
        List<Triple> axioms = new ArrayList<>(find(ontology, Node.ANY, OWL2.propertyChainAxiom.asNode(), Node.ANY));
        axioms.sort(Axioms.ORDER);
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
}
