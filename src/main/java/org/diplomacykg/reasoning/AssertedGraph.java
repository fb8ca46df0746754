package org.diplomacykg.reasoning;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.diplomacykg.vocab.Graphs;

/**
 * Read-only view of every asserted triple of a dataset: all graphs (the stored default
 * graph included) except the inferred and explanations graphs, which the reasoners own,
 * and the audit graph, which records writes rather than facts.
 * A triple stated in two graphs is found twice by a scan; rules work on sets, so that is
 * harmless. A find with a given subject, as rules use to read one value
 * ({@code G.getZeroOrOneSP}, a tenure's post), finds each triple once: else the same fact
 * stated in the reference graph and in an article would read as two values, and every write
 * would fail.
 */
public final class AssertedGraph extends GraphBase {

    private final DatasetGraph dsg;

    public AssertedGraph(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        ExtendedIterator<Triple> triples = WrappedIterator.create(dsg.find(Node.ANY, pattern.getSubject(), pattern.getPredicate(), pattern.getObject()))
            .filterDrop(quad -> isDerived(quad.getGraph()))
            .mapWith(Quad::asTriple);
        if ( !pattern.getSubject().isConcrete() )
            return triples;
        Set<Triple> seen = new HashSet<>();
        return triples.filterKeep(seen::add);
    }

    @Override
    protected boolean graphBaseContains(Triple t) {
        ExtendedIterator<Triple> it = graphBaseFind(t);
        try {
            return it.hasNext();
        } finally {
            it.close();
        }
    }

    /** Whether {@code t} is in an asserted graph of {@code dsg}. */
    static boolean holds(DatasetGraph dsg, Triple t) {
        Iterator<Quad> it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject());
        try {
            while ( it.hasNext() ) {
                if ( !isDerived(it.next().getGraph()) )
                    return true;
            }
            return false;
        } finally {
            Iter.close(it);
        }
    }

    /** The graphs whose triples are not asserted facts: what the reasoners, the store's audit and replication write. */
    static boolean isDerived(Node graph) {
        return Graphs.Nodes.INFERRED.equals(graph) || Graphs.Nodes.EXPLANATIONS.equals(graph)
            || Graphs.Nodes.AUDIT.equals(graph) || Graphs.Nodes.REPLICATION.equals(graph);
    }
}
