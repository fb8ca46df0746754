package org.diplomacykg.reasoning;

import java.util.List;
import java.util.Objects;

import org.apache.jena.graph.Triple;

/**
 * One inferred triple with the rule that produced it and the premises it rests on, in
 * the manner of Jena's {@code RuleDerivation}. Two derivations are equal when rule,
 * conclusion and premises (in order) are.
 */
public record Derivation(Triple conclusion, Rule rule, List<Triple> premises) {

    public Derivation {
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(rule, "rule");
        premises = List.copyOf(premises);
        if ( !conclusion.isConcrete() )
            throw new IllegalArgumentException("A conclusion must be a concrete triple: " + conclusion);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Derivation d
            && conclusion.equals(d.conclusion)
            && rule.iri().equals(d.rule.iri())
            && premises.equals(d.premises);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conclusion, rule.iri(), premises);
    }
}
