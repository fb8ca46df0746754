package org.diplomacykg.store;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;

/** Copies of what a store holds, for before/after comparisons in tests. */
final class StoreSnapshots {

    /** Every stored quad. TDB2 keeps blank nodes' identity, so two snapshots of an unchanged store are equal. */
    static Set<Quad> quads(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> new HashSet<>(Iter.toList(dsg.find())));
    }

    /** An in-memory copy of one graph. */
    static Graph graph(DatasetGraph dsg, Node name) {
        Graph copy = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> dsg.getGraph(name).find().forEachRemaining(copy::add));
        return copy;
    }

    private StoreSnapshots() {}
}
