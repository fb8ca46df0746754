/**
 * The generic OWL rules (sub-class, sub-property, inverse, symmetric, transitive, property
 * chains, domain and range), each compiled from the ontology's axioms when it is built, so
 * that editing the ontology and restarting changes the inferences without changing code.
 * Every rule takes one step only; the materialiser's fixpoint does the closure, so each
 * inferred triple has a one-step explanation whose last premise is the axiom used.
 */
package org.diplomacykg.reasoning.owl;
