package org.diplomacykg.store;

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
import org.diplomacykg.reasoning.AssertedGraph;

/**
 * What the store's users share besides its assembly ({@link StoreStack}): filling a store from a
 * {@link DataLayout}, checked by the {@link ShaclGate}, all in one write transaction so that
 * data that fails to parse or to validate is never visible; the asserted graphs as one graph;
 * an empty store for the benchmarks and tests that wrap it themselves; the size of each graph.
 */
public final class Store {

    /**
     * Loads the layout into a new store that lasts as long as the process, as {@link StoreStack}
     * builds it without a gate: for {@code validate}, {@code infer} and the tests. Loading and
     * the checks run inside one write transaction, whose commit materialises the inferences (see
     * {@link InferringDatasetGraph}), so that a refused load leaves nothing behind.
     *
     * @throws LoadException if a file is missing or does not parse
     * @throws ShaclViolationException if the data breaks the shapes
     */
    public static Dataset loadTemporary(DataLayout layout) {
        return StoreStack.temporary().filledFrom(layout).open().dataset();
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
        return DatasetFactory.wrap(StoreStack.connect(TemporaryStores.newDirectory()));
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
