package org.diplomacykg.reasoning;

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
 * graph included) except the inferred and explanations graphs, which the reasoners own.
 * A triple stated in two graphs is found twice; rules work on sets, so that is harmless.
 */
final class AssertedGraph extends GraphBase {

    private final DatasetGraph dsg;

    AssertedGraph(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        return WrappedIterator.create(dsg.find(Node.ANY, pattern.getSubject(), pattern.getPredicate(), pattern.getObject()))
            .filterDrop(quad -> isDerived(quad.getGraph()))
            .mapWith(Quad::asTriple);
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

    static boolean isDerived(Node graph) {
        return Graphs.Nodes.INFERRED.equals(graph) || Graphs.Nodes.EXPLANATIONS.equals(graph);
    }
}
