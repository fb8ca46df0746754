package org.diplomacykg.reasoning;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;

/**
 * What one write transaction touched, recorded as it happens and read at commit: the
 * predicates of the quads added or removed, the graphs they were in, and whether a
 * wildcard removal made the predicates unknowable (then everything is recomputed).
 * <p>
 * For checks that look at the changed resources rather than the changed predicates (the
 * SHACL gate validates only the nodes a write can affect), it also keeps the subjects and
 * the non-literal objects of the quads, and apart the subjects whose {@code rdf:type} changed.
 * A change recorded by predicate only ({@link #touched(Node, Node)}) leaves those nodes
 * unknown ({@link #nodesKnown()} is false), and such checks must then look at everything.
 * Not thread-safe: a transaction has one writer.
 */
public final class ChangeSet {

    private final Set<Node> predicates = new HashSet<>();
    private final Set<Node> graphs = new HashSet<>();
    private final Set<Node> nodes = new HashSet<>();
    private final Set<Node> retyped = new HashSet<>();
    private boolean unknown = false;
    private boolean nodesUnknown = false;

    /** Records one added or removed quad by its graph and predicate only: the nodes it changed become unknown. */
    public void touched(Node graph, Node predicate) {
        nodesUnknown = true;
        record(graph, predicate);
    }

    /** Records one added or removed quad, with the resources it changed. */
    public void touched(Node graph, Node subject, Node predicate, Node object) {
        record(graph, predicate);
        if ( !isConcrete(subject) || !isConcrete(object) ) {
            nodesUnknown = true;
            return;
        }
        nodes.add(subject);
        if ( !object.isLiteral() )
            nodes.add(object);
        if ( RDF.Nodes.type.equals(predicate) )
            retyped.add(subject);
    }

    private void record(Node graph, Node predicate) {
        graphs.add(graph);
        if ( !isConcrete(predicate) )
            unknown = true;
        else
            predicates.add(predicate);
    }

    private static boolean isConcrete(Node node) {
        return node != null && node.isConcrete();
    }

    /** Records a change whose predicates are not known (a wildcard delete, a dropped graph). */
    public void touchedGraph(Node graph) {
        if ( graph != null )
            graphs.add(graph);
        unknown = true;
        nodesUnknown = true;
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

    /** True when {@link #nodes()} and {@link #retyped()} hold every resource the transaction changed. */
    public boolean nodesKnown() {
        return !unknown && !nodesUnknown;
    }

    /** The subjects and non-literal objects of the quads added or removed (meaningful when {@link #nodesKnown()}). */
    public Set<Node> nodes() {
        return Set.copyOf(nodes);
    }

    /** The subjects of the {@code rdf:type} quads added or removed (meaningful when {@link #nodesKnown()}). */
    public Set<Node> retyped() {
        return Set.copyOf(retyped);
    }

    public void clear() {
        predicates.clear();
        graphs.clear();
        nodes.clear();
        retyped.clear();
        unknown = false;
        nodesUnknown = false;
    }
}
