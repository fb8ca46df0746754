package org.diplomacykg.store;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.vocab.Graphs;

/**
 * A TDB2 store as {@link StoreStack} builds and opens it (in a directory that stays, or in a
 * temporary one), seen through an {@link InferringDatasetGraph}: union default graph,
 * inferences committed with the data. A store is initialised when its
 * ontology graph is not empty: filling it loads the ontology first and commits everything at
 * once, so no committed store has data without an ontology.
 * <p>
 * The materialiser of a store just opened knows no derivations, so the first write commit
 * recomputes everything from the stored asserted graphs (as {@link Materialiser#update} does
 * when its state is unknown) and later commits are incremental again. That is correct whatever
 * happened to the store while it was closed, and costs one full run (about a tenth of a second
 * for an article) at the first write rather than at every start.
 * <p>
 * TDB2 allows one process per directory (it holds a lock file) and one connection per
 * directory per process: {@link #close()} releases both, so that the directory can be opened
 * again, by this process or another.
 */
public final class TdbStore implements AutoCloseable {

    private final Path dir;
    private final DatasetGraph tdb;
    private final Materialiser materialiser;
    private final InferringDatasetGraph dsg;

    TdbStore(Path dir, DatasetGraph tdb, Materialiser materialiser, InferringDatasetGraph dsg) {
        this.dir = dir;
        this.tdb = tdb;
        this.materialiser = materialiser;
        this.dsg = dsg;
    }

    /** The directory of the store. */
    public Path dir() { return dir; }

    /** The store seen through the inferring wrapper: write through this. */
    public DatasetGraph datasetGraph() { return dsg; }

    /** {@link #datasetGraph()} as a {@link Dataset}, for the server. */
    public Dataset dataset() { return DatasetFactory.wrap(dsg); }

    /**
     * The store below the inferring layer (literals in their stored form, over TDB2), for a
     * replica applying what a primary committed: no gate, no reasoner, no audit record. Call
     * {@link #afterWrite()} after each write transaction on it.
     */
    public DatasetGraph storage() { return new CanonicalLiterals(tdb); }

    /** What follows a write transaction committed on {@link #storage()}: the store's after-commit step (a compaction when due). */
    public void afterWrite() { dsg.steps().afterCommit().run(); }

    /** The materialiser of this store's commits (for reports). */
    public Materialiser materialiser() { return materialiser; }

    /** Whether the store has been filled: its ontology graph holds a triple. */
    public boolean isInitialised() {
        return isInitialised(tdb);
    }

    static boolean isInitialised(DatasetGraph tdb) {
        return Txn.calculateRead(tdb, () -> tdb.contains(Graphs.Nodes.ONTOLOGY, Node.ANY, Node.ANY, Node.ANY));
    }

    /** Fills an empty store from the layout, validated, in one transaction (see {@link Store#fill}). */
    public void initialise(DataLayout layout) {
        fill(tdb, materialiser, layout);
    }

    /**
     * Fills through a wrapper of its own without the store's {@link CommitSteps}: the fill runs the
     * load's checks ({@link BundleCheck}), not the gate of later writes, which would judge the
     * whole store a second time. The materialiser is the store's, so later commits are incremental.
     */
    static void fill(DatasetGraph tdb, Materialiser materialiser, DataLayout layout) {
        Store.fill(new InferringDatasetGraph(tdb, materialiser), layout);
    }

    /** Whether the store's ontology graph holds the same triples as the file (blank nodes aside). */
    public boolean ontologyMatches(Path ontologyFile) {
        Graph file = GraphFactory.createDefaultGraph();
        TurtleFiles.read(ontologyFile, file);
        Graph stored = GraphFactory.createDefaultGraph();
        Txn.executeRead(tdb, () -> tdb.getGraph(Graphs.Nodes.ONTOLOGY).find().forEachRemaining(stored::add));
        return stored.isIsomorphicWith(file);
    }

    /** Releases the directory: this process's connection and the lock file. */
    @Override
    public void close() {
        TDBInternal.expel(tdb);
    }
}
