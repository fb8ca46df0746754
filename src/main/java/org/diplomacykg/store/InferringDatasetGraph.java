package org.diplomacykg.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.TxnType;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.UpdateEngine;
import org.apache.jena.sparql.modify.UpdateEngineFactory;
import org.apache.jena.sparql.modify.UpdateEngineMain;
import org.apache.jena.sparql.modify.UpdateEngineRegistry;
import org.apache.jena.sparql.modify.UpdateEngineWorker;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDropClear;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateVisitor;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.diplomacykg.reasoning.ChangeSet;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.vocab.Graphs;

/**
 * The dataset that the server and the loaders write through: derivations follow the data.
 * Every write is recorded in a {@link ChangeSet}; a write transaction's {@link #commit()}
 * first brings the inferred and explanations graphs up to date with the {@link Materialiser}
 * and adds the write's {@link AuditRecord} to the audit graph, inside the same transaction,
 * and only then commits, so a reader sees data, inferences and record of the same commit or
 * of none. If materialising or committing fails, the transaction is aborted and nothing of it
 * remains. {@link FaultPoints} along the way let crash tests halt the JVM there.
 * <p>
 * The inferred and explanations graphs are the materialiser's, the audit graph the store's:
 * a write that names one of them (add, delete, {@code DROP GRAPH}, {@code CLEAR GRAPH}, a graph obtained from
 * {@link #getGraph}) throws {@link ProtectedGraphException}. Writes over every graph
 * ({@link #clear()}, {@link #deleteAny} with a wildcard graph, SPARQL {@code DROP ALL},
 * {@code CLEAR ALL}, {@code DROP NAMED}) apply to the asserted graphs only: the derived
 * graphs follow at commit.
 * <p>
 * The {@link CommitSteps} given at construction say what else a commit runs: a {@link CommitGate}
 * checks a write transaction before it materialises (a refusal aborts the transaction like any
 * other failure of the commit), and an action (compaction) runs after the commit. The
 * {@link StoreStack} builds this wrapper with them.
 * <p>
 * Reads go straight to the wrapped dataset. A SPARQL query is executed by the wrapped
 * dataset's own engine (Jena unwraps a {@link DatasetGraphWrapper} for query), with this
 * wrapper's context, which is the wrapped dataset's: a TDB2 union default graph stays a
 * union default graph.
 */
public final class InferringDatasetGraph extends DatasetGraphWrapper {

    static {
        // Class initialisation runs once, before any instance exists and so before any
        // update on one: the registry is not modified while updates iterate it.
        UpdateEngineRegistry.addFactory(new AssertedOnlyUpdateEngine.Factory());
    }

    private final Materialiser materialiser;
    /**
     * What the current write transaction changed. Not synchronised: TDB2 admits one writer
     * at a time, writes are recorded only by that writer's thread, and the set is cleared
     * only when a write transaction ends (begin(WRITE) holds the writer lock, whose release
     * and acquisition order one writer's accesses before the next's). Readers never touch it.
     */
    private final ChangeSet changes = new ChangeSet();
    /**
     * Set while a SPARQL delete whose graph is a variable runs ({@code DELETE WHERE { GRAPH ?g
     * {...} }}): matches in the derived graphs are skipped rather than refused, since the
     * update did not name them and they follow the asserted data at commit anyway. Only the
     * writer's thread sets it.
     */
    private boolean skipDerivedDeletes = false;
    /** What a commit runs besides the materialiser: final, so every writer sees the same. */
    private final CommitSteps steps;
    /** When the current write transaction began, for its audit record; written by the writer only. */
    private Instant writeStarted = Instant.now();
    /** The layer that tells the commit log of each change: between this one and the canonical literals. */
    private final RecordedChanges recorded;
    /** The store below the recording, for what the commit log writes without recording it. */
    private final DatasetGraph unrecorded;

    /** Without a gate or anything after the commit ({@link CommitSteps#NONE}): loaders that check their data themselves, tests. */
    public InferringDatasetGraph(DatasetGraph base, Materialiser materialiser) {
        this(base, materialiser, CommitSteps.NONE);
    }

    /** Each commit runs {@code steps} as well, such as a {@link WriteGate} for a server that takes writes from clients. */
    public InferringDatasetGraph(DatasetGraph base, Materialiser materialiser, CommitSteps steps) {
        // Every write and delete in TDB2's form of its literals, so that deletes delete.
        this(new CanonicalLiterals(base), materialiser, steps);
    }

    private InferringDatasetGraph(CanonicalLiterals canonical, Materialiser materialiser, CommitSteps steps) {
        super(new RecordedChanges(canonical));
        this.materialiser = materialiser;
        this.steps = steps;
        this.recorded = (RecordedChanges) get();
        this.unrecorded = canonical;
    }

    /** The check each write transaction passes before it commits; {@link CommitGate#NONE} when there is none. */
    public CommitGate gate() {
        return steps.gate();
    }

    /** What each commit runs besides the materialiser. */
    CommitSteps steps() {
        return steps;
    }

    /** True for the graphs only the store writes: the materialiser's, the audit trail, the replication offset. */
    public static boolean isProtected(Node graph) {
        return Graphs.Nodes.INFERRED.equals(graph) || Graphs.Nodes.EXPLANATIONS.equals(graph)
            || Graphs.Nodes.AUDIT.equals(graph) || Graphs.Nodes.REPLICATION.equals(graph);
    }

    private static void refuseIfProtected(Node graph) {
        if ( isProtected(graph) )
            throw new ProtectedGraphException(graph);
    }

    private static boolean isWildcard(Node graph) {
        return graph == null || Node.ANY.equals(graph);
    }

    private void touched(Node graph, Node s, Node p, Node o) {
        changes.touched(graph == null ? Quad.defaultGraphIRI : graph, Triple.create(s, p, o));
    }

    // ---- Graphs: views whose writes come back through this wrapper.

    @Override
    public Graph getDefaultGraph() {
        return new View(this, Quad.defaultGraphNodeGenerated, get().getDefaultGraph());
    }

    @Override
    public Graph getUnionGraph() {
        return new View(this, Quad.unionGraph, get().getUnionGraph());
    }

    @Override
    public Graph getGraph(Node graphNode) {
        if ( graphNode == null || Quad.isDefaultGraph(graphNode) )
            return getDefaultGraph();
        if ( Quad.isUnionGraph(graphNode) )
            return getUnionGraph();
        return new View(this, graphNode, get().getGraph(graphNode));
    }

    // ---- Writes: refused on the derived graphs, recorded otherwise.

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        refuseIfProtected(g);
        // The form stored and read back, so that the rules see the triple a later delete names.
        o = CanonicalLiterals.canonical(o);
        // Asserted before? Then adding it to another graph changes nothing the rules see.
        Triple t = changes.tracksTriples() ? Triple.create(s, p, o) : null;
        boolean before = t != null && ChangeSet.isAsserted(get(), t);
        get().add(g, s, p, o);
        touched(g, s, p, o);
        if ( t != null && !before )
            changes.asserted(t);
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if ( skipDerivedDeletes && isProtected(g) )
            return;
        refuseIfProtected(g);
        o = CanonicalLiterals.canonical(o);
        if ( isWildcard(g) ) {
            // Graph by graph, the protected ones left alone.
            deleteAny(g, s, p, o);
            return;
        }
        if ( !s.isConcrete() || !p.isConcrete() || !o.isConcrete() ) {
            // A pattern: what it removed is unknown, so the next commit recomputes everything.
            get().delete(g, s, p, o);
            changes.touchedGraph(g);
            return;
        }
        boolean had = changes.tracksTriples() && get().contains(g, s, p, o);
        get().delete(g, s, p, o);
        touched(g, s, p, o);
        if ( had )
            retractedUnlessStillAsserted(Triple.create(s, p, o));
    }

    /** Records {@code t} as no longer asserted, unless another graph still states it. */
    private void retractedUnlessStillAsserted(Triple t) {
        if ( changes.tracksTriples() && !ChangeSet.isAsserted(get(), t) )
            changes.retracted(t);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        refuseIfProtected(g);
        List<Quad> matches = recordMatches(g, s, p, o);
        if ( !isWildcard(g) ) {
            get().deleteAny(g, s, p, o);
        } else {
            // A wildcard graph: the asserted graphs that hold a match, one by one.
            Set<Node> graphs = new HashSet<>();
            matches.forEach(q -> graphs.add(q.getGraph()));
            for ( Node graph : graphs )
                get().deleteAny(graph, s, p, o);
        }
        retracted(matches);
    }

    /** Records the triples of removed quads that no graph asserts any more. */
    private void retracted(List<Quad> removed) {
        if ( !changes.tracksTriples() )
            return;
        Set<Triple> seen = new HashSet<>();
        for ( Quad q : removed ) {
            if ( seen.add(q.asTriple()) )
                retractedUnlessStillAsserted(q.asTriple());
        }
    }

    /**
     * Records the graph and predicate of every asserted quad matching the pattern, so that
     * a pattern delete still tells the materialiser exactly which predicates changed.
     * Returns the asserted quads matching.
     */
    private List<Quad> recordMatches(Node g, Node s, Node p, Node o) {
        List<Quad> matches = new ArrayList<>();
        Iterator<Quad> iter = get().find(g, s, p, o);
        try {
            while ( iter.hasNext() ) {
                Quad quad = iter.next();
                if ( isProtected(quad.getGraph()) )
                    continue;
                matches.add(quad);
                touched(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
            }
        } finally {
            Iter.close(iter);
        }
        return matches;
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        refuseIfProtected(graphName);
        // Adding a graph replaces one of the same name: its triples count as removed.
        List<Quad> replaced = recordMatches(graphName, Node.ANY, Node.ANY, Node.ANY);
        List<Triple> added = new ArrayList<>();
        ExtendedIterator<Triple> iter = graph.find();
        try {
            iter.forEachRemaining(t -> {
                touched(graphName, t.getSubject(), t.getPredicate(), t.getObject());
                if ( changes.tracksTriples() && !ChangeSet.isAsserted(get(), t) )
                    added.add(CanonicalLiterals.canonical(t));
            });
        } finally {
            iter.close();
        }
        get().addGraph(graphName, graph);
        retracted(replaced);
        added.forEach(changes::asserted);
    }

    @Override
    public void removeGraph(Node graphName) {
        refuseIfProtected(graphName);
        List<Quad> removed = recordMatches(graphName, Node.ANY, Node.ANY, Node.ANY);
        get().removeGraph(graphName);
        retracted(removed);
    }

    /**
     * Adds a quad of an exported audit trail to the audit graph, for a store rebuilt from its
     * export (the one door into that graph besides the commit's own record); the restore's
     * transaction then records itself as usual.
     */
    void restoreAudit(Quad quad) {
        if ( !Graphs.Nodes.AUDIT.equals(quad.getGraph()) )
            throw new IllegalArgumentException("Not a quad of the audit graph: " + quad);
        // Not a change the reasoners or the gate look at: nothing is recorded for the commit.
        get().add(quad);
    }

    /** Removes every asserted graph and empties the default graph; the derived graphs follow at commit. */
    @Override
    public void clear() {
        List<Node> names = Iter.toList(get().listGraphNodes());
        for ( Node name : names ) {
            if ( !isProtected(name) )
                removeGraph(name);
        }
        deleteAny(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY);
    }

    // ---- Transactions: the commit of a write materialises first.

    private boolean isWriting() {
        return get().isInTransaction() && get().transactionMode() == ReadWrite.WRITE;
    }

    @Override
    public void begin(TxnType type) {
        get().begin(type);
        // Holding the writer lock now, so no other writer's changes can be lost.
        if ( type == TxnType.WRITE ) {
            changes.clear();
            writeStarted = Instant.now();
            recorded.record(steps.commitLog().begin());
        }
    }

    @Override
    public void begin(ReadWrite readWrite) {
        begin(TxnType.convert(readWrite));
    }

    /**
     * Commits; for a write transaction that changed something, after the gate has let it
     * through and the derived graphs have been brought up to date within it. On failure the
     * transaction is aborted (data and inferences stay as they were) and the exception is
     * rethrown; unless the gate refused, before the materialiser ran, the materialiser also
     * forgets its incremental state. A read transaction never materialises.
     */
    @Override
    public void commit() {
        DatasetGraph base = get();
        if ( !isWriting() ) {
            base.commit();
            return;
        }
        try {
            if ( !changes.isEmpty() ) {
                FaultPoints.reach(FaultPoints.AFTER_ASSERTED);
                steps.gate().check(base, changes);
                materialiser.update(base, changes);
                // Straight into the wrapped dataset: the audit graph is closed to every other writer.
                AuditRecord.of(base, changes, WriteAuthor.current(), writeStarted).forEach(base::add);
                FaultPoints.reach(FaultPoints.AFTER_MATERIALISE);
            }
            // Everything the transaction wrote is recorded by now; the log's own bookkeeping is not.
            recorded.record(null);
            if ( steps.commitLog() != CommitLog.NONE ) {
                steps.commitLog().publish(unrecorded);
                FaultPoints.reach(FaultPoints.AFTER_PUBLISH);
            }
        } catch (WriteRejectedException ex) {
            // Refused before the materialiser ran: its state is still that of the last commit.
            changes.clear();
            abandon(base, ex);
            throw ex;
        } catch (RuntimeException | Error ex) {
            materialiser.invalidate();
            changes.clear();
            abandon(base, ex);
            throw ex;
        }
        // Cleared while this thread still holds the writer lock: once base.commit() releases
        // it, the next writer's transaction records into the same change set.
        changes.clear();
        try {
            base.commit();
        } catch (RuntimeException | Error ex) {
            materialiser.invalidate();
            abandon(base, ex);
            throw ex;
        }
        steps.commitLog().ended(true);
        FaultPoints.reach(FaultPoints.AFTER_COMMIT);
        // TDB2 has ended the transaction and released the writer lock by now.
        steps.afterCommit().run();
    }

    /**
     * Aborts and ends the transaction after a failed commit, keeping the first exception; then
     * tells the commit log, outside the transaction.
     */
    private void abandon(DatasetGraph base, Throwable cause) {
        // While this thread still holds the writer lock: the recorder is the next writer's once it is released.
        recorded.record(null);
        try {
            if ( base.isInTransaction() )
                base.abort();
            base.end();
        } catch (RuntimeException | Error ex) {
            cause.addSuppressed(ex);
        }
        steps.commitLog().ended(false);
    }

    @Override
    public void abort() {
        // Cleared before the writer lock is released (see commit).
        boolean writing = isWriting();
        if ( writing ) {
            changes.clear();
            recorded.record(null);
        }
        get().abort();
        if ( writing )
            steps.commitLog().ended(false);
    }

    @Override
    public void end() {
        boolean writing = isWriting();
        if ( writing ) {
            changes.clear();
            recorded.record(null);
        }
        get().end();
        if ( writing )
            steps.commitLog().ended(false);
    }

    // ---- The graph view.

    /**
     * A graph of this dataset: reads go to the wrapped dataset's graph object (which TDB2
     * answers from its own indexes), writes to this wrapper's add, delete and deleteAny.
     * Its transaction handler is this wrapper's.
     */
    private static final class View extends GraphView {
        private final Graph base;

        View(InferringDatasetGraph dsg, Node graphName, Graph base) {
            super(dsg, graphName);
            this.base = base;
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Node s, Node p, Node o) {
            return base.find(s, p, o);
        }

        @Override
        protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            return base.find(pattern);
        }

        @Override
        protected boolean graphBaseContains(Triple t) {
            return base.contains(t);
        }

        @Override
        protected int graphBaseSize() {
            return base.size();
        }

        @Override
        protected PrefixMapping createPrefixMapping() {
            return base.getPrefixMapping();
        }

        /** The name as a quad's graph: {@link GraphView#getGraphName()} is null for the default graph. */
        private Node quadGraph() {
            return isDefaultGraph() ? Quad.defaultGraphIRI : getGraphName();
        }

        @Override
        public void remove(Node s, Node p, Node o) {
            // GraphView passes null, a wildcard, for the default graph: name it instead.
            if ( isUnionGraph() )
                throw new org.apache.jena.shared.DeleteDeniedException("Can't update the union graph of a dataset");
            if ( getEventManager().listening() )
                super.remove(s, p, o);
            else
                getDataset().deleteAny(quadGraph(), s, p, o);
        }

        @Override
        public void clear() {
            if ( isUnionGraph() )
                throw new org.apache.jena.shared.DeleteDeniedException("Can't update the union graph of a dataset");
            super.clear();
        }
    }

    // ---- SPARQL Update: DROP/CLEAR ALL and NAMED leave the derived graphs to the materialiser.

    /**
     * Jena expands {@code DROP ALL}, {@code CLEAR ALL} and {@code DROP NAMED} into one
     * operation per graph, which would name the derived graphs and be refused. This engine
     * skips them instead, as {@link InferringDatasetGraph#clear()} does.
     */
    private static final class AssertedOnlyUpdateEngine extends UpdateEngineMain {

        AssertedOnlyUpdateEngine(DatasetGraph dsg, Binding inputBinding, Context context) {
            super(dsg, inputBinding, context);
        }

        @Override
        protected UpdateVisitor prepareWorker() {
            return new UpdateEngineWorker(datasetGraph, inputBinding, context) {
                @Override
                protected void execDropClearAllNamed(UpdateDropClear update, boolean isClear) {
                    for ( Node name : Iter.toList(datasetGraph.listGraphNodes()) ) {
                        if ( !isProtected(name) )
                            execDropClear(update, name, isClear);
                    }
                }

                @Override
                public void visit(UpdateDeleteWhere update) {
                    refuseNamed(update.getQuads());
                    skippingDerivedDeletes(() -> super.visit(update));
                }

                @Override
                public void visit(UpdateModify update) {
                    refuseIfProtected(update.getWithIRI());
                    refuseNamed(update.getDeleteQuads());
                    refuseNamed(update.getInsertQuads());
                    skippingDerivedDeletes(() -> super.visit(update));
                }

                private void skippingDerivedDeletes(Runnable action) {
                    InferringDatasetGraph inferring = (InferringDatasetGraph) datasetGraph;
                    inferring.skipDerivedDeletes = true;
                    try {
                        action.run();
                    } finally {
                        inferring.skipDerivedDeletes = false;
                    }
                }
            };
        }

        /** A template that names a derived graph is a write to it, and refused. */
        private static void refuseNamed(List<Quad> template) {
            for ( Quad quad : template )
                refuseIfProtected(quad.getGraph());
        }

        static final class Factory implements UpdateEngineFactory {
            @Override
            public boolean accept(DatasetGraph dsg, Context context) {
                return dsg instanceof InferringDatasetGraph;
            }

            @Override
            public UpdateEngine create(DatasetGraph dsg, Binding inputBinding, Context context) {
                return new AssertedOnlyUpdateEngine(dsg, inputBinding, context);
            }
        }
    }
}
