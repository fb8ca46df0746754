package org.diplomacykg.reasoning.owl;

import java.util.List;
import java.util.function.Function;

import org.apache.jena.graph.Triple;
import org.diplomacykg.reasoning.PatternRule;

/**
 * What the OWL rules share: they are pattern rules ({@link PatternRule}) compiled from the
 * ontology axioms of one kind, read once at construction so that the data given to
 * {@link #apply} is never consulted for axioms. Each axiom gives its clauses, and is the last
 * premise of every derivation they make.
 */
public abstract class OwlRule extends PatternRule {

    private final List<Triple> axioms;

    protected OwlRule(String name, String label, String description, List<Triple> axioms,
                      Function<Triple, List<Clause>> clausesOfAxiom) {
        super(name, label, description, axioms.stream().flatMap(a -> clausesOfAxiom.apply(a).stream()).toList());
        this.axioms = List.copyOf(axioms);
    }

    /** The ontology triples this rule was compiled from, in a fixed order. */
    public final List<Triple> axioms() {
        return axioms;
    }
}
