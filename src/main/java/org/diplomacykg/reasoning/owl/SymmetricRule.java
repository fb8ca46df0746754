package org.diplomacykg.reasoning.owl;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;

/**
 * {@code p rdf:type owl:SymmetricProperty} and {@code (s p o)} give {@code (o p s)}, unless
 * o is a literal, so a relation such as counterpart need only be stated one way round.
 */
public final class SymmetricRule extends OwlRule {

    private static final Node S = var("s");
    private static final Node O = var("o");

    public SymmetricRule(Graph ontology) {
        super("owl-symmetric", "symmetric property",
              "A statement with a symmetric property also holds with subject and object swapped.",
              Axioms.typed(ontology, OWL2.SymmetricProperty.asNode()),
              axiom -> List.of(Clause.of(Triple.create(S, axiom.getSubject(), O),
                                         Triple.create(O, axiom.getSubject(), S), axiom)));
    }
}
