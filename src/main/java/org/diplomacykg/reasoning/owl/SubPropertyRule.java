package org.diplomacykg.reasoning.owl;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDFS;

/**
 * {@code p rdfs:subPropertyOf q} and {@code (s p o)} give {@code (s q o)}, for named
 * properties p and q (inverse-property expressions are blank nodes and are left out).
 */
public final class SubPropertyRule extends OwlRule {

    private static final Node S = var("s");
    private static final Node O = var("o");

    public SubPropertyRule(Graph ontology) {
        super("owl-subproperty", "sub-property",
              "A statement with a property also holds with each property it is declared a sub-property of.",
              Axioms.betweenIris(ontology, RDFS.Nodes.subPropertyOf),
              axiom -> List.of(Clause.of(Triple.create(S, axiom.getSubject(), O),
                                         Triple.create(S, axiom.getObject(), O), axiom)));
    }
}
