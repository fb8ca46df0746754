package org.diplomacykg.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.diplomacykg.reasoning.Materialiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the store every command and the server write through, in one place, layer by layer:
 * <ol>
 * <li>TDB2 in a directory: one that stays ({@link #at}) or a temporary one that goes with the
 *     process ({@link #temporary}, see {@link Store#createUnionDataset} for why not TDB2's
 *     in-memory store), with the crash tests' {@link FaultPoints} hooked into its commit;</li>
 * <li>its SPARQL default graph the union of the fact graphs ({@link FactsDefaultGraph});</li>
 * <li>{@link InferringDatasetGraph} over {@link CanonicalLiterals}: every commit materialises
 *     and is audited, and runs the {@link CommitSteps} given here: the caller's {@link #gate}
 *     ({@link WriteGate} for a server taking writes from clients, none for the loaders, which
 *     check their data themselves), the caller's {@link #commitLog} (a replicated primary's) and
 *     the store's {@link Compaction} after the commit.</li>
 * </ol>
 * How it is opened: {@link #filledFrom} fills a new store from the files (through the load's own
 * checks, not the gate) and uses an existing one as it is; {@link #existing} refuses a directory
 * without a filled store, for the commands that only read one; neither opens the store as it is,
 * creating it empty if new. Setters return this builder, which {@link #open()} leaves unchanged,
 * so one builder can open the same store again.
 */
public final class StoreStack {

    private static final Logger LOG = LoggerFactory.getLogger(StoreStack.class);
    private static final Pattern LOCK_HOLDER = Pattern.compile("held by process (\\d+)");

    /** Null for a new temporary directory at each {@link #open()}. */
    private final Path dir;
    private CommitGate gate = CommitGate.NONE;
    private CommitLog commitLog = CommitLog.NONE;
    private DataLayout fillFrom;
    private boolean mustExist;

    private StoreStack(Path dir) {
        this.dir = dir;
    }

    /** A store in a new temporary directory, deleted at exit ({@link TemporaryStores}). */
    public static StoreStack temporary() {
        return new StoreStack(null);
    }

    /** The store in {@code dir}, which outlives the process; the directory is created if need be. */
    public static StoreStack at(Path dir) {
        return new StoreStack(Objects.requireNonNull(dir, "dir"));
    }

    /** The check every write transaction must pass before it commits; {@link CommitGate#NONE} by default. */
    public StoreStack gate(CommitGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
        return this;
    }

    /**
     * Where each write transaction is published before it commits: a replicated primary's
     * {@link CommitLog}; {@link CommitLog#NONE} by default. The first fill of a new store
     * ({@link #filledFrom}) is not published.
     */
    public StoreStack commitLog(CommitLog log) {
        this.commitLog = Objects.requireNonNull(log, "log");
        return this;
    }

    /**
     * A new (empty) store is filled from the layout, validated, in one transaction ({@link
     * Store#fill}); a store that already holds an ontology graph is used as it is, with the updates
     * made since: no file is read again and nothing is re-materialised, since the inferred and
     * explanations graphs were committed with the data they follow. If the store's ontology
     * differs from the layout's file, the store's copy wins (it is what its inferences were
     * computed from) and a warning says how to reload.
     */
    public StoreStack filledFrom(DataLayout layout) {
        this.fillFrom = Objects.requireNonNull(layout, "layout");
        return this;
    }

    /** The store must exist and be filled: for commands that read one, a mistyped directory is then an error rather than a new empty store. */
    public StoreStack existing() {
        this.mustExist = true;
        return this;
    }

    /**
     * Opens the store as set; the caller closes it. On failure nothing stays open, so a refused
     * start can be retried in the same process.
     *
     * @throws LoadException if the directory cannot be used (a file, not writable, holding
     *         something that is not a TDB2 store, in use by another process), or does not hold a
     *         filled store when one must exist, or, for a new store, the files cannot be loaded
     * @throws ShaclViolationException if a new store's data breaks the shapes
     */
    public TdbStore open() {
        if ( mustExist && dir != null && (!Files.isDirectory(dir) || !hasStoreFiles(dir)) )
            throw new LoadException("There is no TDB2 store in " + where(dir)
                + ": pass the directory given to serve --tdb or load --tdb");
        Path where = dir == null ? TemporaryStores.newDirectory() : dir;
        if ( dir != null && !mustExist )
            prepare(dir);
        DatasetGraph tdb = connect(where);
        try {
            Materialiser materialiser = Materialiser.standard();
            boolean initialised = TdbStore.isInitialised(tdb);
            if ( mustExist && !initialised )
                throw new LoadException("The store in " + where(where) + " is empty: fill it with load --tdb DIR");
            if ( fillFrom != null && !initialised ) {
                if ( dir != null )
                    LOG.info("New store in {}: loading {}", dir, fillFrom);
                TdbStore.fill(tdb, materialiser, fillFrom);
            } else if ( fillFrom != null ) {
                LOG.info("Using the store in {} as it is: the files of {} are not read", dir, fillFrom);
            }
            // After the fill, so that the first compaction is measured from what the fill left.
            CommitSteps steps = new CommitSteps(gate, commitLog, new Compaction(tdb)::afterWrite);
            TdbStore store = new TdbStore(where, tdb, materialiser, new InferringDatasetGraph(tdb, materialiser, steps));
            if ( fillFrom != null && initialised )
                warnIfOntologyDiffers(store, fillFrom);
            return store;
        } catch (RuntimeException | Error ex) {
            // Release the directory's lock, so that a refused start can be retried in the same process.
            TDBInternal.expel(tdb);
            throw ex;
        }
    }

    /**
     * The bottom layers: TDB2 in {@code dir}, its default graph the union of the fact graphs, the
     * node files kept writing at their end ({@link NodeFileEnd}), the
     * fault points hooked. For {@link Store#createUnionDataset} too.
     */
    static DatasetGraph connect(Path dir) {
        DatasetGraph tdb;
        try {
            tdb = DatabaseMgr.connectDatasetGraph(dir.toString());
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
        FactsDefaultGraph.install(tdb);
        NodeFileEnd.install(tdb);
        FaultPoints.hookJournal(tdb);
        return tdb;
    }

    /** The comparison only informs: a missing or broken ontology file does not stop a store that has its own. */
    private static void warnIfOntologyDiffers(TdbStore store, DataLayout layout) {
        if ( !Files.isRegularFile(layout.ontologyFile()) )
            return;
        try {
            if ( !store.ontologyMatches(layout.ontologyFile()) )
                LOG.warn("The store's ontology differs from {}: serving the store's own copy (its inferences follow it). "
                         + "To replace it with the file, stop the server and run: load --tdb {} --ontology {} --reload-ontology",
                         layout.ontologyFile(), store.dir(), layout.ontologyDir());
        } catch (LoadException ex) {
            LOG.warn("Serving the store's own ontology; {} could not be compared with it: {}", layout.ontologyFile(), ex.getMessage());
        }
    }

    // ---- The directory

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
