package org.diplomacykg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.diplomacykg.reasoning.AssertedGraph;
import org.diplomacykg.reasoning.Materialiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the dataset the server answers from: a TDB2 store (in a temporary directory, or in
 * one that stays with {@link #openTdb}) whose SPARQL default graph is the union of its named graphs but the explanations
 * ({@link FactsDefaultGraph}), seen through an
 * {@link InferringDatasetGraph} so that every commit carries its inferences; filled from a
 * {@link DataLayout} and checked by the {@link ShaclGate}, all in one write transaction so
 * that data that fails to parse or to validate is never visible.
 */
public final class Store {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    /**
     * Loads the layout into a new store that lasts as long as the process ({@link
     * #createUnionDataset()}), compacting itself as writes leave garbage ({@link Compaction}).
     * Loading and the gate run inside one write transaction, whose commit materialises the
     * inferences (see {@link InferringDatasetGraph}), so that a refused load leaves nothing behind.
     *
     * @throws LoadException if a file is missing or does not parse
     * @throws ShaclViolationException if the data breaks the shapes
     */
    public static Dataset loadTemporary(DataLayout layout) {
        DatasetGraph store = createUnionDataset().asDatasetGraph();
        InferringDatasetGraph dsg = new InferringDatasetGraph(store, Materialiser.standard());
        fill(dsg, layout);
        dsg.setAfterWrite(new Compaction(store)::afterWrite);
        return DatasetFactory.wrap(dsg);
    }

    /**
     * Opens the persistent store in {@code dir}, creating it if need be. A new (empty) store is
     * filled from the layout as {@link #loadTemporary} fills memory; a store that already holds an
     * ontology graph is used as it is, with the updates made since: no file is read again and
     * nothing is re-materialised, since the inferred and explanations graphs were committed with
     * the data they follow. If the store's ontology differs from the layout's file, the store's
     * copy wins (it is what its inferences were computed from) and a warning says how to reload.
     * The caller closes the store.
     *
     * @throws LoadException if the directory cannot be used or, for a new store, the files cannot be loaded
     */
    public static TdbStore openTdb(Path dir, DataLayout layout) {
        TdbStore store = TdbStore.open(dir);
        try {
            if ( !store.isInitialised() ) {
                LOG.info("New store in {}: loading {}", dir, layout);
                store.initialise(layout);
            } else {
                LOG.info("Using the store in {} as it is: the files of {} are not read", dir, layout);
                warnIfOntologyDiffers(store, layout);
            }
            return store;
        } catch (RuntimeException | Error ex) {
            // Release the directory's lock, so that a refused start can be retried in the same process.
            store.close();
            throw ex;
        }
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

    /**
     * Loads ontology, reference data and articles into {@code dsg} (an {@link InferringDatasetGraph})
     * and runs the SHACL gate, in one write transaction: the commit materialises, a refusal
     * leaves nothing behind.
     */
    static void fill(DatasetGraph dsg, DataLayout layout) {
        layout.check();
        // Shapes first: a broken shapes file should fail before the data is read.
        ShaclGate gate = ShaclGate.fromFile(layout.shapesFile());
        // The same checks as load and every write (BundleCheck), so that serve and validate see what they see.
        Txn.executeWrite(dsg, () -> new BundleCheck(gate, new ArticleTexts(layout.articlesDir())).loadLayout(layout, dsg));
    }

    /**
     * The union of the asserted graphs (the stored default graph and every named graph but the
     * inferred and explanations graphs): what the SHACL gate judges. The union rather than each
     * graph, so that rdfs:subClassOf in the ontology graph is visible to sh:targetClass; without
     * the derived graphs, so that a store judged when it is first filled (before anything is
     * inferred) and a store judged again at a later load (when inferences from before are
     * present) are judged by the same triples.
     */
    public static Graph assertedUnion(DatasetGraph dsg) {
        // One quad lookup with the graph left open, not one per graph: an article is a graph,
        // and a union that asked each of thousands of graphs made validation O(graphs x lookups).
        return new AssertedGraph(dsg);
    }

    /**
     * An empty TDB2 store whose SPARQL default graph is the union of the named graphs but the
     * explanations ({@link FactsDefaultGraph}), in a new
     * temporary directory that is deleted when the JVM exits ({@link TemporaryStores}).
     * <p>
     * Not TDB2's in-memory store: that one is for Jena's tests, and it is not safe with a
     * writer and readers at once. Its blocks are shared between threads through a small block
     * cache and copied through a shared buffer position, so a reader could see a commit half
     * applied and a writer could copy a block wrongly and lose data for good (a writer adding
     * and deleting places while two readers counted them: reads disagreed with the data within
     * seconds, and once "newPosition &lt; 0" inside TDB2's page copy). The on-disk store is
     * memory-mapped, gives each reader its own view of a block, and is the one Fuseki serves
     * from; with the page cache holding the files it is as fast as memory (faster: the in-memory
     * store copies a whole block on every read of one).
     */
    public static Dataset createUnionDataset() {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(TemporaryStores.newDirectory().toString());
        FactsDefaultGraph.install(dsg);
        return DatasetFactory.wrap(dsg);
    }

    /** Triple count per named graph, by graph IRI, in IRI order. */
    public static Map<String, Long> graphSizes(Dataset dataset) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        return Txn.calculateRead(dsg, () -> {
            List<Node> names = Iter.toList(dsg.listGraphNodes());
            names.sort(Comparator.comparing(Node::getURI));
            Map<String, Long> sizes = new LinkedHashMap<>();
            for ( Node name : names )
                sizes.put(name.getURI(), (long) dsg.getGraph(name).size());
            return sizes;
        });
    }

    private Store() {}
}
