package org.diplomacykg.reasoning.owl;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;

/**
 * {@code p rdf:type owl:TransitiveProperty}, {@code (a p b)} and {@code (b p c)} give
 * {@code (a p c)}: one step, joining each triple with the triples leaving its object (a
 * subject lookup, so the work is the number of two-step paths, not the square of the data).
 * Steps where a = b or b = c conclude one of their premises and give nothing.
 */
public final class TransitiveRule extends OwlRule {

    private static final Node A = var("a");
    private static final Node B = var("b");
    private static final Node C = var("c");

    public TransitiveRule(Graph ontology) {
        super("owl-transitive", "transitive property",
              "Two statements with a transitive property, the object of the first being the subject of the second, give the statement joining their ends.",
              Axioms.typed(ontology, OWL2.TransitiveProperty.asNode()),
              axiom -> {
                  Node p = axiom.getSubject();
                  return List.of(new Clause(List.of(Triple.create(A, p, B), Triple.create(B, p, C)),
                                            List.of(Triple.create(A, p, C)), List.of(axiom)));
              });
    }
}
