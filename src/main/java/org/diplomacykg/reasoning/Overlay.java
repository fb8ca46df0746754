package org.diplomacykg.reasoning;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * A graph read as another with some triples hidden and some added, the base left as it is:
 * the asserted graph as it was before a change (the change undone), or the inferred graph
 * as an update is bringing it, before anything is written. Read-only to Jena; changed
 * through {@link #include} and {@link #exclude}.
 */
final class Overlay extends GraphBase {

    private final Graph base;
    private final Set<Triple> hidden = new HashSet<>();
    private final Graph extra = GraphFactory.createGraphMem();

    Overlay(Graph base) {
        this.base = base;
    }

    /** Makes {@code t} part of this graph. */
    void include(Triple t) {
        if ( hidden.remove(t) )
            return;
        if ( !base.contains(t) )
            extra.add(t);
    }

    /** Makes {@code t} no part of this graph. */
    void exclude(Triple t) {
        if ( extra.contains(t) )
            extra.delete(t);
        else if ( base.contains(t) )
            hidden.add(t);
    }

    /** The triples of the base this graph leaves out. */
    Set<Triple> hidden() {
        return hidden;
    }

    /** The triples this graph holds that the base does not. */
    Graph extra() {
        return extra;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        ExtendedIterator<Triple> found = base.find(pattern);
        if ( !hidden.isEmpty() )
            found = found.filterDrop(hidden::contains);
        return extra.isEmpty() ? found : found.andThen(extra.find(pattern));
    }

    @Override
    protected boolean graphBaseContains(Triple t) {
        return extra.contains(t) || (!hidden.contains(t) && base.contains(t));
    }
}
