package org.diplomacykg.reasoning;

import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * One reasoner rule: a small class with an IRI, a label and a one-line description, that
 * derives triples from a graph and says, for each, which premises it rests on.
 * <p>
 * A rule declares the predicates it reads and the predicates it concludes, so that an
 * update re-runs only the rules whose inputs it touched (and the rules that read what
 * those conclude). A rule must be deterministic and must not be quadratic in the number
 * of statements about one thing.
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
     * Derives every conclusion that holds in {@code data}: the asserted triples together
     * with what rules inferred so far. Conclusions already in {@code data} may be given
     * again; the materialiser keeps only what is new.
     */
    void apply(Graph data, Consumer<Derivation> out);
}
