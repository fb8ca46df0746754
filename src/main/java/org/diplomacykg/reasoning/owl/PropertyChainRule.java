package org.diplomacykg.reasoning.owl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;

/**
 * {@code p owl:propertyChainAxiom (p1 ... pn)} and a path {@code s p1 x1 p2 ... pn o} give
 * {@code (s p o)}: a join of n patterns, followed by subject lookups, so the work is the
 * number of paths. Chains with a member that is not an IRI (an inverse-property expression)
 * or a malformed list are ignored. The premises are the n path triples and then the axiom
 * triple, whose object is the list's head.
 */
public final class PropertyChainRule extends OwlRule {

    public PropertyChainRule(Graph ontology) {
        super("owl-property-chain", "property chain",
              "A path along the properties of a declared chain, in order, gives a statement with the chain's property from the path's start to its end.",
              chainAxioms(ontology),
              axiom -> List.of(clause(axiom, Axioms.list(ontology, axiom.getObject()).orElseThrow())));
    }

    /** The axioms whose subject is an IRI and whose list is well formed, not empty and all IRIs, sorted. */
    private static List<Triple> chainAxioms(Graph ontology) {
        List<Triple> candidates = Axioms.find(ontology, Node.ANY, OWL2.propertyChainAxiom.asNode(), Node.ANY);
        candidates.sort(Axioms.ORDER);
        List<Triple> chains = new ArrayList<>();
        for ( Triple axiom : candidates ) {
            Optional<List<Node>> steps = Axioms.list(ontology, axiom.getObject());
            if ( axiom.getSubject().isURI() && steps.isPresent() && !steps.get().isEmpty()
                 && steps.get().stream().allMatch(Node::isURI) )
                chains.add(axiom);
        }
        return chains;
    }

    /** {@code (?x0 p1 ?x1), ..., (?x(n-1) pn ?xn)} give {@code (?x0 p ?xn)}. */
    private static Clause clause(Triple axiom, List<Node> steps) {
        List<Triple> path = new ArrayList<>(steps.size());
        for ( int i = 0; i < steps.size(); i++ )
            path.add(Triple.create(var("x" + i), steps.get(i), var("x" + (i + 1))));
        Triple head = Triple.create(var("x0"), axiom.getSubject(), var("x" + steps.size()));
        return new Clause(path, List.of(head), List.of(axiom));
    }
}
