package org.diplomacykg.store;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.reasoning.ChangeSet;
import org.diplomacykg.vocab.Graphs;

/**
 * The nodes whose conformance a write can change, for shapes that are local
 * ({@link ShapeLocality}): a node's conformance then depends on its own triples (its types,
 * which decide the shapes that target it, and its values along single forward predicates) and
 * on the {@code rdf:type} of those values ({@code sh:class}, e.g. a tenure's
 * {@code dkg:holder} must be a {@code dkg:Person}). Hence the neighbourhood of a change:
 * <ul>
 * <li>the subject of every triple added or removed: its values, or its types, changed;</li>
 * <li>its object, when not a literal: a {@code sh:targetObjectsOf} target may have begun or
 *     ended there (no shape of {@code ontology/shapes.ttl} uses one today; it costs a lookup);</li>
 * <li>every node that points at a subject whose {@code rdf:type} changed, with any predicate:
 *     the change may make it meet or break an {@code sh:class} on that predicate.</li>
 * </ul>
 * Class membership also follows {@code rdfs:subClassOf}, which can turn nodes anywhere into
 * targets or values of another class: a write that touches the ontology graph or an
 * {@code rdfs:subClassOf} triple anywhere, or whose changed nodes are not all known (see
 * {@link ChangeSet#nodesKnown()}), has no neighbourhood here and is validated whole.
 * <p>
 * Every node outside the neighbourhood keeps the conformance it had at the last commit, which
 * was checked then (by this gate, or whole by the load that filled the store).
 */
final class ChangedFocusNodes {

    /** The nodes to validate after {@code changes}, read from the asserted data as the write leaves it; empty when only validating everything will do. */
    static Optional<Set<Node>> of(Graph asserted, ChangeSet changes) {
        if ( !changes.nodesKnown()
             || changes.graphs().contains(Graphs.Nodes.ONTOLOGY)
             || changes.predicates().contains(RDFS.Nodes.subClassOf) )
            return Optional.empty();
        Set<Node> focus = new HashSet<>(changes.nodes());
        for ( Node retyped : changes.retyped() ) {
            ExtendedIterator<Triple> pointing = asserted.find(Node.ANY, Node.ANY, retyped);
            try {
                pointing.forEachRemaining(t -> focus.add(t.getSubject()));
            } finally {
                pointing.close();
            }
        }
        return Optional.of(focus);
    }

    private ChangedFocusNodes() {}
}
