package org.diplomacykg.reasoning.owl;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;

/**
 * {@code p owl:inverseOf q} gives {@code (o q s)} from {@code (s p o)} and {@code (o p s)}
 * from {@code (s q o)}: the axiom works both ways, so data may use either property. A
 * literal object is never turned into a subject.
 */
public final class InverseRule extends OwlRule {

    private static final Node S = var("s");
    private static final Node O = var("o");

    public InverseRule(Graph ontology) {
        super("owl-inverse", "inverse",
              "A statement with a property gives the reverse statement with its declared inverse, in both directions.",
              Axioms.betweenIris(ontology, OWL2.inverseOf.asNode()),
              InverseRule::clauses);
    }

    private static List<Clause> clauses(Triple axiom) {
        Node p = axiom.getSubject();
        Node q = axiom.getObject();
        Clause forward = Clause.of(Triple.create(S, p, O), Triple.create(O, q, S), axiom);
        if ( p.equals(q) )
            return List.of(forward);
        return List.of(forward, Clause.of(Triple.create(S, q, O), Triple.create(O, p, S), axiom));
    }
}
