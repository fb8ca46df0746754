/**
 * The generic OWL rules (sub-class, sub-property, inverse, symmetric, transitive, property
 * chains, domain and range, and disjoint classes, which types a clash {@code owl:Nothing}),
 * each compiled from the ontology's axioms when it is built, so that editing the ontology and
 * restarting changes the inferences without changing code. Each is a
 * {@link org.diplomacykg.reasoning.PatternRule}: it declares its clauses per axiom and nothing else.
 * Every rule takes one step only; the materialiser's fixpoint does the closure, so each
 * inferred triple has a one-step explanation whose last premise is the axiom used.
 */
package org.diplomacykg.reasoning.owl;
