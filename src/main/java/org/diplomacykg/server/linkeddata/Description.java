package org.diplomacykg.server.linkeddata;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.diplomacykg.vocab.Graphs;

/**
 * What {@code /id/{slug}} says about one thing, held apart by origin: the asserted triples
 * (from the ontology, reference and article graphs) and the inferred ones (found only in the
 * inferred graph). A triple both asserted and inferred counts as asserted. Detached from the
 * store, so it can be written after the read transaction has ended.
 *
 * @param thing    the IRI described
 * @param asserted its asserted triples, inbound links, evidence selectors and linked labels
 * @param inferred the triples that only the reasoners derived
 */
public record Description(Node thing, Graph asserted, Graph inferred) {

    public boolean isInferred(Triple triple) {
        return inferred.contains(triple);
    }

    /** Asserted and inferred triples in one graph, for syntaxes without named graphs. */
    public Graph merged() {
        Graph all = GraphFactory.createGraphMem();
        asserted.find().forEachRemaining(all::add);
        inferred.find().forEachRemaining(all::add);
        return all;
    }

    /** Asserted triples in the default graph, inferred ones in the named graph {@link Graphs#INFERRED}. */
    public DatasetGraph asDataset() {
        DatasetGraph dataset = DatasetGraphFactory.createGeneral();
        asserted.find().forEachRemaining(dataset.getDefaultGraph()::add);
        if ( !inferred.isEmpty() )
            dataset.addGraph(Graphs.Nodes.INFERRED, inferred);
        return dataset;
    }
}
