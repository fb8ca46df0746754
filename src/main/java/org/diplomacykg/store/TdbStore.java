package org.diplomacykg.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.vocab.Graphs;

/**
 * A TDB2 store on disk that outlives the process, seen through an {@link InferringDatasetGraph}
 * as the temporary default store is: union default graph, inferences committed with the data. A store is initialised when its
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

    private static final Pattern LOCK_HOLDER = Pattern.compile("held by process (\\d+)");

    private final Path dir;
    private final DatasetGraph tdb;
    private final Materialiser materialiser = Materialiser.standard();
    private final InferringDatasetGraph dsg;
    private final Compaction compaction;

    private TdbStore(Path dir, DatasetGraph tdb) {
        this.dir = dir;
        this.tdb = tdb;
        this.dsg = new InferringDatasetGraph(tdb, materialiser);
        this.compaction = new Compaction(tdb);
        dsg.setAfterWrite(compaction::afterWrite);
    }

    /**
     * Opens the store in {@code dir}, creating the directory and an empty store if need be.
     *
     * @throws LoadException if the path is a file, cannot be created or written, holds
     *         something that is not a TDB2 store, or is in use by another process
     */
    public static TdbStore open(Path dir) {
        prepare(dir);
        return connect(dir);
    }

    /**
     * Opens a store that must already exist, for commands that only read it: a mistyped
     * directory is then an error rather than a new empty store.
     */
    public static TdbStore openExisting(Path dir) {
        if ( !Files.isDirectory(dir) || !hasStoreFiles(dir) )
            throw new LoadException("There is no TDB2 store in " + where(dir)
                + ": pass the directory given to serve --tdb or load --tdb");
        TdbStore store = connect(dir);
        if ( !store.isInitialised() ) {
            store.close();
            throw new LoadException("The store in " + where(dir) + " is empty: fill it with load --tdb DIR");
        }
        return store;
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

    /** What follows a write transaction committed on {@link #storage()}: a compaction when due. */
    public void afterWrite() { compaction.afterWrite(); }

    /** The materialiser of this store's commits (for reports). */
    public Materialiser materialiser() { return materialiser; }

    /** Whether the store has been filled: its ontology graph holds a triple. */
    public boolean isInitialised() {
        return Txn.calculateRead(tdb, () -> tdb.contains(Graphs.Nodes.ONTOLOGY, Node.ANY, Node.ANY, Node.ANY));
    }

    /** Fills an empty store from the layout, validated, in one transaction (see {@link Store#fill}). */
    public void initialise(DataLayout layout) {
        Store.fill(dsg, layout);
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

    // ---- Opening

    private static void prepare(Path dir) {
        if ( Files.exists(dir) && !Files.isDirectory(dir) )
            throw new LoadException("The store directory " + where(dir)
                + " is a file: pass --tdb a directory, new or holding a store");
        if ( !Files.exists(dir) ) {
            try {
                Files.createDirectories(dir);
            } catch (IOException ex) {
                throw new LoadException("Cannot create the store directory " + where(dir) + ": " + reason(ex), ex);
            }
        }
        if ( !Files.isWritable(dir) )
            throw new LoadException("The store directory " + where(dir)
                + " is not writable: give this user write access or pass another --tdb DIR");
        if ( !isEmpty(dir) && !hasStoreFiles(dir) )
            throw new LoadException("The directory " + where(dir)
                + " holds files but no TDB2 store: pass --tdb a new or empty directory, or one holding a store");
    }

    private static TdbStore connect(Path dir) {
        DatasetGraph tdb;
        try {
            tdb = TDB2Factory.connectDataset(dir.toString()).asDatasetGraph();
        } catch (DBOpEnvException ex) {
            if ( ex.getMessage() == null || !ex.getMessage().contains("lock") )
                throw new LoadException("Cannot open the store in " + where(dir) + ": " + ex.getMessage(), ex);
            Matcher pid = LOCK_HOLDER.matcher(ex.getMessage());
            throw new LoadException("The store in " + where(dir) + " is in use by another process"
                + (pid.find() ? " (pid " + pid.group(1) + ")" : "")
                + ": stop it (a server or load on this store) or pass another --tdb DIR", ex);
        } catch (JenaException ex) {
            throw new LoadException("Cannot open the store in " + where(dir) + ": " + ex.getMessage(), ex);
        }
        // As Store.createUnionDataset does: the SPARQL default graph is the union of the fact graphs.
        FactsDefaultGraph.install(tdb);
        FaultPoints.hookJournal(tdb);
        return new TdbStore(dir, tdb);
    }

    /** TDB2 keeps a lock file and one {@code Data-NNNN} directory per generation. */
    private static boolean hasStoreFiles(Path dir) {
        try ( Stream<Path> entries = Files.list(dir) ) {
            return entries.anyMatch(p -> p.getFileName().toString().equals("tdb.lock")
                                         || (Files.isDirectory(p) && p.getFileName().toString().startsWith("Data-")));
        } catch (IOException ex) {
            throw new LoadException("Cannot list the store directory " + where(dir) + ": " + reason(ex), ex);
        }
    }

    private static boolean isEmpty(Path dir) {
        try ( Stream<Path> entries = Files.list(dir) ) {
            return entries.findAny().isEmpty();
        } catch (IOException ex) {
            throw new LoadException("Cannot list the store directory " + where(dir) + ": " + reason(ex), ex);
        }
    }

    private static String where(Path dir) {
        return dir.toAbsolutePath().normalize().toString();
    }

    /** The cause in words: NIO's messages are often just the path. */
    private static String reason(IOException ex) {
        if ( ex instanceof FileAlreadyExistsException e )
            return "a file is in the way (" + e.getFile() + ")";
        if ( ex instanceof AccessDeniedException )
            return "permission denied";
        return ex.getMessage();
    }
}
