package org.diplomacykg.generate;

import org.apache.jena.graph.Node;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * The IRIs of one synthetic world. Every slug starts with {@code synthetic-s<seed>-}, so that
 * synthetic things can never be mistaken for (or collide with) things of a real article, and
 * two worlds of different seeds can share a store.
 */
final class SyntheticIds {

    private final String prefix;

    SyntheticIds(long seed) {
        if ( seed < 0 )
            throw new IllegalArgumentException("The seed must be zero or positive (it is part of the slugs), got " + seed);
        this.prefix = "synthetic-s" + seed + "-";
    }

    /** The article's slug, which names its source graph. */
    String articleSlug(int article) {
        return prefix + String.format("%06d", article);
    }

    Node sourceGraph(int article) { return Graphs.Nodes.sourceGraph(articleSlug(article)); }
    /** As {@code load} names an article bundle's resource: {@code id:article-<slug>}. */
    Node article(int article) { return DKG.Nodes.id("article-" + articleSlug(article)); }
    Node span(int article, int n) { return DKG.Nodes.id(articleSlug(article) + "-span-" + n); }

    Node state(int i) { return id("state-" + i); }
    Node post(int state, int role) { return id("post-" + state + "-" + (role == Background.HEAD_OF_STATE ? "hos" : "fa")); }
    Node person(int i) { return id("person-" + i); }
    Node tenure(int person) { return id("tenure-" + person); }
    Node issue(int i) { return id("issue-" + i); }
    Node position(int state, int k) { return id("position-" + state + "-" + k); }
    Node meeting(int i) { return id("meeting-" + i); }
    Node statement(int i) { return id("statement-" + i); }
    Node cancellation(int i) { return id("cancellation-" + i); }
    Node proposal(int i) { return id("proposal-" + i); }
    Node stance(int i) { return id("stance-" + i); }

    /** The node the disagreement rule names for two states and a proposal (same recipe as the rule's, by slug). */
    Node disagreement(int rejecting, int supporting, int proposal) {
        return DKG.Nodes.id("disagreement-" + slug("state-" + rejecting) + "-" + slug("state-" + supporting)
                            + "-" + slug("proposal-" + proposal));
    }

    private String slug(String local) {
        return prefix + local;
    }

    private Node id(String local) {
        return DKG.Nodes.id(slug(local));
    }
}
