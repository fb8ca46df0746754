package org.diplomacykg.reasoning;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;

/**
 * What one write transaction touched, recorded as it happens and read at commit: the
 * predicates of the quads added or removed, the graphs they were in, and whether a
 * wildcard removal made the predicates unknowable (then everything is recomputed).
 * Not thread-safe: a transaction has one writer.
 */
public final class ChangeSet {

    private final Set<Node> predicates = new HashSet<>();
    private final Set<Node> graphs = new HashSet<>();
    private boolean unknown = false;

    /** Records one added or removed quad. */
    public void touched(Node graph, Node predicate) {
        graphs.add(graph);
        if ( predicate == null || !predicate.isConcrete() )
            unknown = true;
        else
            predicates.add(predicate);
    }

    /** Records a change whose predicates are not known (a wildcard delete, a dropped graph). */
    public void touchedGraph(Node graph) {
        if ( graph != null )
            graphs.add(graph);
        unknown = true;
    }

    public boolean isEmpty() {
        return !unknown && predicates.isEmpty() && graphs.isEmpty();
    }

    /** True when the predicates touched are not all known, so every rule must re-run. */
    public boolean isUnknown() {
        return unknown;
    }

    public Set<Node> predicates() {
        return Set.copyOf(predicates);
    }

    public Set<Node> graphs() {
        return Set.copyOf(graphs);
    }

    public void clear() {
        predicates.clear();
        graphs.clear();
        unknown = false;
    }
}
