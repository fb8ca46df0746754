package org.diplomacykg.reasoning;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;

/**
 * What one write transaction touched, recorded as it happens and read at commit: the
 * predicates of the quads added or removed, the graphs they were in, whether a wildcard
 * removal made the predicates unknowable (then everything is recomputed), and the net
 * change to the asserted triples (all graphs but the derived ones, taken together): the
 * triples asserted now that were not at the start, and those no longer asserted that were.
 * A triple added to a second graph, or added then removed again, is no net change. A
 * change recorded by predicate alone ({@link #touched(Node, Node)}) leaves the net change
 * unknown, and the next update runs in full.
 * <p>
 * Past {@link #MAX_TRIPLES} net changes the triples are no longer kept: so large a change
 * is materialised in full, and the set stays small.
 * <p>
 * For checks that look at the changed resources rather than the changed predicates (the
 * SHACL gate validates only the nodes a write can affect), it also keeps the subjects and
 * the non-literal objects of the quads, and apart the subjects whose {@code rdf:type} changed.
 * A change recorded by predicate only leaves those nodes unknown ({@link #nodesKnown()} is
 * false), and such checks must then look at everything.
 * <p>
 * Not thread-safe: a transaction has one writer.
 */
public final class ChangeSet {

    /** The largest net change kept triple by triple. */
    public static final int MAX_TRIPLES = 50_000;

    private final Set<Node> predicates = new HashSet<>();
    private final Set<Node> graphs = new HashSet<>();
    private final Set<Triple> added = new LinkedHashSet<>();
    private final Set<Triple> removed = new LinkedHashSet<>();
    private boolean unknown = false;
    private boolean overflow = false;
    /** Set when a change was recorded without its triple. */
    private boolean untracked = false;
    private final Set<Node> nodes = new HashSet<>();
    private final Set<Node> retyped = new HashSet<>();
    private boolean nodesUnknown = false;

    /**
     * Records that a quad with this predicate was added to or removed from {@code graph},
     * without saying which: the net change is then unknown, and the next update runs in full.
     */
    public void touched(Node graph, Node predicate) {
        record(graph, predicate);
        untracked = true;
        nodesUnknown = true;
    }

    /**
     * Records an added or removed quad whose triple's net effect the caller reports with
     * {@link #asserted} or {@link #retracted} (or not at all, when there is none).
     */
    public void touched(Node graph, Triple t) {
        record(graph, t.getPredicate());
        recordNodes(t);
    }

    private void recordNodes(Triple t) {
        Node subject = t.getSubject(), object = t.getObject();
        if ( !subject.isConcrete() || !object.isConcrete() ) {
            nodesUnknown = true;
            return;
        }
        nodes.add(subject);
        if ( !object.isLiteral() )
            nodes.add(object);
        if ( RDF.Nodes.type.equals(t.getPredicate()) )
            retyped.add(subject);
    }

    private void record(Node graph, Node predicate) {
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
        nodesUnknown = true;
    }

    /** True while the net change is kept triple by triple: callers skip the look-ups otherwise. */
    public boolean tracksTriples() {
        return !unknown && !overflow && !untracked;
    }

    /** Whether {@code t} is asserted in {@code dsg}: in a graph other than the derived ones. */
    public static boolean isAsserted(DatasetGraph dsg, Triple t) {
        return AssertedGraph.holds(dsg, t);
    }

    /** Records that {@code t} became asserted (call only when it was not before). */
    public void asserted(Triple t) {
        if ( !tracksTriples() || removed.remove(t) )
            return;
        added.add(t);
        checkSize();
    }

    /** Records that {@code t} is no longer asserted (call only when it was before). */
    public void retracted(Triple t) {
        if ( !tracksTriples() || added.remove(t) )
            return;
        removed.add(t);
        checkSize();
    }

    private void checkSize() {
        if ( added.size() + removed.size() > MAX_TRIPLES ) {
            overflow = true;
            added.clear();
            removed.clear();
        }
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

    /** The triples asserted now and not before; meaningful only when {@link #tracksTriples()}. */
    public Set<Triple> addedTriples() {
        return Set.copyOf(added);
    }

    /** The triples asserted before and not now; meaningful only when {@link #tracksTriples()}. */
    public Set<Triple> removedTriples() {
        return Set.copyOf(removed);
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
        nodes.clear();
        retyped.clear();
        nodesUnknown = false;
        predicates.clear();
        graphs.clear();
        added.clear();
        removed.clear();
        unknown = false;
        overflow = false;
        untracked = false;
    }
}
