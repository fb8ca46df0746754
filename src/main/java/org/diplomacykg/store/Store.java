package org.diplomacykg.store;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.diplomacykg.reasoning.Materialiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles the dataset the server answers from: an in-memory TDB2 store whose SPARQL
 * default graph is the union of its named graphs, seen through an
 * {@link InferringDatasetGraph} so that every commit carries its inferences; filled from a
 * {@link DataLayout} and checked by the {@link ShaclGate}, all in one write transaction so
 * that data that fails to parse or to validate is never visible.
 */
public final class Store {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    /**
     * Loads the layout into a new in-memory dataset. Loading and the gate run inside one
     * write transaction, whose commit materialises the inferences (see
     * {@link InferringDatasetGraph}), so that a refused load leaves nothing behind.
     *
     * @throws LoadException if a file is missing or does not parse
     * @throws ShaclViolationException if the data breaks the shapes
     */
    public static Dataset loadInMemory(DataLayout layout) {
        layout.check();
        // Shapes first: a broken shapes file should fail before the data is read.
        ShaclGate gate = ShaclGate.fromFile(layout.shapesFile());
        DatasetGraph dsg = new InferringDatasetGraph(createUnionDataset().asDatasetGraph(), Materialiser.standard());
        Txn.executeWrite(dsg, () -> {
            DatasetLoader.load(layout, dsg);
            // The union, so that rdfs:subClassOf in the ontology graph is visible to sh:targetClass.
            ValidationReport report = gate.check(dsg.getUnionGraph());
            if ( !report.conforms() )
                LOG.warn("SHACL results that do not block the load:\n{}", gate.describe(report));
        });
        return DatasetFactory.wrap(dsg);
    }

    /** An empty in-memory TDB2 dataset whose SPARQL default graph is the union of the named graphs. */
    public static Dataset createUnionDataset() {
        Dataset dataset = TDB2Factory.createDataset();
        dataset.asDatasetGraph().getContext().set(TDB2.symUnionDefaultGraph, true);
        return dataset;
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
