package org.diplomacykg.reasoning;

import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * One reasoner rule: a small class with an IRI, a label and a one-line description, that
 * derives triples from a graph and says, for each, which premises it rests on.
 * <p>
 * A rule declares the predicates it reads and the predicates it concludes, so that an
 * update re-runs only the rules whose inputs it touched (and the rules that read what
 * those conclude). A rule must be deterministic and must not be quadratic in the number
 * of statements about one thing.
 * <p>
 * Two optional methods let the materialiser keep conclusions current in time proportional to
 * a change rather than to the data: {@link #applyChanged} (what a changed triple can affect,
 * forward) and {@link #applyConcluding} (every way of deriving given triples, backward). Their
 * defaults run {@link #apply} over everything, which is always correct and only slower.
 */
public interface Rule {

    /** Base of the IRIs of this service's rules. */
    String RULE_BASE = "https://w3id.org/diplomacy-kg/rule/";

    /** The IRI naming this rule in explanations, under {@link #RULE_BASE}. */
    String iri();

    /** A short English label. */
    String label();

    /** One sentence saying what the rule derives and from what. */
    String description();

    /** The predicates whose triples this rule reads ({@code rdf:type} included where it does). */
    Set<Node> inputs();

    /** The predicates of the triples it concludes. */
    Set<Node> outputs();

    /**
     * The inputs whose latest, earliest, absence or count this rule reads (the latest revision of
     * a position, a tenure without an end date): what it concludes from them may cease to hold
     * when more such triples appear, so it runs only once every rule that can derive them has
     * finished ({@link Strata}). Empty for a rule that only ever concludes more from more, as
     * every OWL rule.
     */
    default Set<Node> nonMonotoneInputs() {
        return Set.of();
    }

    /**
     * Derives every conclusion that holds in {@code data}: the asserted triples together
     * with what rules inferred so far. Conclusions already in {@code data} may be given
     * again; the materialiser keeps only what is new.
     */
    void apply(Graph data, Consumer<Derivation> out);

    /**
     * Derives at least every derivation of {@link #apply}{@code (data)} that may differ between
     * {@code data} and {@code data} with the {@code changed} triples added or removed, and
     * nothing that {@code apply} would not give. For a rule whose derivations rest only on their
     * premises (every OWL rule) that is the derivations with a premise among {@code changed}
     * that is in {@code data}. A rule that also reads what is absent or what comes first or
     * last (the latest revision of a position) gives every derivation of each group (position,
     * role, meeting, proposal) a changed triple concerns, found by looking up from it in
     * {@code data}; the lookups must reach the same groups in both states when the links they
     * follow are unchanged, as a changed link is itself among {@code changed}.
     */
    default void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        apply(data, out);
    }

    /**
     * Derives at least every derivation of {@link #apply}{@code (data)} whose conclusion is one
     * of {@code conclusions}, and nothing that {@code apply} would not give: the materialiser
     * keeps those that conclude one of them.
     */
    default void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        apply(data, out);
    }
}
