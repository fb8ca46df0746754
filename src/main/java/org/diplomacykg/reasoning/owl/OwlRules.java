package org.diplomacykg.reasoning.owl;

import java.util.List;

import org.apache.jena.graph.Graph;
import org.diplomacykg.reasoning.Rule;

/** The generic OWL rules compiled from one ontology graph. */
public final class OwlRules {

    private OwlRules() {}

    /**
     * Every OWL rule, each built from the axioms of {@code ontology} (a rule with no axiom
     * concludes nothing), in a fixed order: sub-class, sub-property, inverse, symmetric,
     * transitive, property chain, domain, range, disjoint classes.
     */
    public static List<Rule> fromOntology(Graph ontology) {
        return List.of(
            new SubClassRule(ontology),
            new SubPropertyRule(ontology),
            new InverseRule(ontology),
            new SymmetricRule(ontology),
            new TransitiveRule(ontology),
            new PropertyChainRule(ontology),
            new DomainRule(ontology),
            new RangeRule(ontology),
            new DisjointClassesRule(ontology));
    }
}
