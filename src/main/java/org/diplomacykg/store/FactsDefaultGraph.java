package org.diplomacykg.store;

import java.util.Iterator;
import java.util.function.Predicate;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.solver.QC2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.diplomacykg.vocab.Graphs;

/**
 * The SPARQL default graph of the store: the union of every named graph except the
 * explanations, audit and replication graphs, so that {@code SELECT * { ?s ?p ?o }} or a {@code COUNT(*)} over the
 * default graph gives facts (asserted and inferred), not the bookkeeping of derivations and
 * writes. Those graphs stay named graphs, reached with {@code GRAPH}.
 * <p>
 * TDB2's union default graph ({@link TDB2#symUnionDefaultGraph}) turns every default-graph
 * pattern into a pattern over the union of the named graphs, matched in the quad indexes with
 * the graph left open. This executor runs those patterns, and only those, with a filter that
 * drops quads of those graphs before TDB2 reduces quads to distinct triples; the
 * patterns keep TDB2's own matching and join order. A pattern TDB2 does not match itself (a
 * property path over the default graph) runs over {@link #view}, the same union as a Jena graph.
 * {@code GRAPH ?g} and {@code GRAPH <explanations>} are left alone.
 */
public final class FactsDefaultGraph {

    /** Makes the SPARQL default graph of the TDB2 dataset {@code tdb} the union of its named graphs but the explanations. */
    public static void install(DatasetGraph tdb) {
        tdb.getContext().set(TDB2.symUnionDefaultGraph, true);
        QC.setFactory(tdb.getContext(), Executor::new);
    }

    /** The union of the named graphs of {@code dsg} but the explanations graph, as one read-only graph of distinct triples. */
    public static Graph view(DatasetGraph dsg) {
        return new View(dsg);
    }

    private static final class Executor extends OpExecutorTDB2 {

        Executor(ExecutionContext execCxt) {
            super(execCxt);
        }

        @Override
        protected QueryIterator execute(OpQuadPattern pattern, QueryIterator input) {
            if ( !isUnion(pattern.getGraphNode()) || factsOnly() == null )
                return super.execute(pattern, input);
            return new Executor(factsOnly()).superExecute(pattern, input);
        }

        @Override
        protected QueryIterator execute(OpFilter filter, QueryIterator input) {
            if ( !(filter.getSubOp() instanceof OpQuadPattern pattern) || !isUnion(pattern.getGraphNode()) || factsOnly() == null )
                return super.execute(filter, input);
            return new Executor(factsOnly()).superExecute(filter, input);
        }

        @Override
        protected QueryIterator execute(OpGraph opGraph, QueryIterator input) {
            if ( !isUnion(opGraph.getNode()) )
                return super.execute(opGraph, input);
            ExecutionContext overView = ExecutionContext.copyChangeActiveGraph(execCxt, view(execCxt.getDataset()));
            return QC.execute(opGraph.getSubOp(), input, overView);
        }

        private QueryIterator superExecute(OpQuadPattern pattern, QueryIterator input) {
            return super.execute(pattern, input);
        }

        private QueryIterator superExecute(OpFilter filter, QueryIterator input) {
            return super.execute(filter, input);
        }

        /**
         * This context with a filter that drops the quads of the explanations and audit graphs;
         * null when the dataset is not TDB2 storage or never held either (nothing to drop).
         */
        private ExecutionContext factsOnly() {
            if ( !(execCxt.getDataset() instanceof DatasetGraphTDB tdb) )
                return null;
            NodeId explanations = idOf(tdb, Graphs.Nodes.EXPLANATIONS);
            NodeId audit = idOf(tdb, Graphs.Nodes.AUDIT);
            NodeId replication = idOf(tdb, Graphs.Nodes.REPLICATION);
            if ( explanations == null && audit == null && replication == null )
                return null;
            Predicate<Tuple<NodeId>> facts = quad -> !quad.get(0).equals(explanations) && !quad.get(0).equals(audit)
                                                     && !quad.get(0).equals(replication);
            Predicate<Tuple<NodeId>> before = QC2.getFilter(execCxt.getContext());
            Context context = execCxt.getContext().copy();
            QC2.setFilter(context, before == null ? facts : facts.and(before));
            return new ExecutionContext(context, execCxt.getActiveGraph(), tdb, execCxt.getExecutor(),
                                        execCxt.getCancelSignal());
        }

        /** The store's id of a graph name; null when the store has never held it. */
        private static NodeId idOf(DatasetGraphTDB tdb, Node graph) {
            NodeId id = tdb.getQuadTable().getNodeTupleTable().getNodeTable().getNodeIdForNode(graph);
            return id == null || NodeId.isDoesNotExist(id) ? null : id;
        }

        private static boolean isUnion(Node graph) {
            return graph != null && Quad.isUnionGraph(graph);
        }
    }

    /** The union as a Jena graph: quads of every named graph but the explanations, each triple once. */
    private static final class View extends GraphBase {
        private final DatasetGraph dsg;

        View(DatasetGraph dsg) {
            this.dsg = dsg;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            Iterator<Triple> triples = Iter.iter(dsg.findNG(Node.ANY, pattern.getSubject(), pattern.getPredicate(), pattern.getObject()))
                .filter(q -> !isExcluded(q.getGraph()))
                .map(Quad::asTriple);
            // In TDB2 the quads of one triple in several graphs come out together (with the graph
            // open, every index used ends in it), as TDB2's own union relies on: no set of the
            // triples seen, which would cost memory in proportion to a scan. Elsewhere, a set.
            return WrappedIterator.create(TDBInternal.isBackedByTDB(dsg) ? Iter.distinctAdjacent(triples) : Iter.distinct(triples));
        }
    }

    /**
     * The graphs kept out of the default graph: the explanations, the audit trail and the
     * replication offset, bookkeeping rather than facts.
     */
    public static boolean isExcluded(Node graph) {
        return Graphs.Nodes.EXPLANATIONS.equals(graph) || Graphs.Nodes.AUDIT.equals(graph)
            || Graphs.Nodes.REPLICATION.equals(graph);
    }

    private FactsDefaultGraph() {}
}
