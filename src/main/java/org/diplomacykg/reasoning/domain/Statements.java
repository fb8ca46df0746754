package org.diplomacykg.reasoning.domain;

import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;
import org.diplomacykg.vocab.DKG;

/**
 * Who says so and how surely, read off a statement for the rules that rest on it: its
 * {@code dkg:attributedTo} triples become premises, so that every inference can be asked
 * "according to whom". Sorted, so that a derivation's premises do not depend on the order
 * of the data.
 */
final class Statements {

    private static final Comparator<Triple> BY_OBJECT = Comparator.comparing(t -> t.getObject().toString());

    /** The statement's {@code dkg:attributedTo} triples (none where the data gives none). */
    static List<Triple> attributions(Graph data, Node statement) {
        return sorted(data, statement, DKG.Nodes.attributedTo);
    }

    /** The statement's {@code dkg:modality} triples (none where it is reported flatly). */
    static List<Triple> modalities(Graph data, Node statement) {
        return sorted(data, statement, DKG.Nodes.modality);
    }

    /** The last path segment of an IRI (the slug of things under id/), for naming derived things. */
    static String localName(Node iri) {
        String s = iri.getURI();
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static List<Triple> sorted(Graph data, Node s, Node p) {
        return G.find(data, s, p, Node.ANY).toList().stream().sorted(BY_OBJECT).toList();
    }

    private Statements() {}
}
