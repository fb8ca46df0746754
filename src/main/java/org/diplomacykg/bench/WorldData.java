package org.diplomacykg.bench;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.graph.Triple;
import org.diplomacykg.vocab.Graphs;

/**
 * Reads a benchmark world (an N-Quads file written by the parent run) and the ontology into a
 * store, as the service lays them out: the ontology in its graph, the world's quads in theirs.
 */
final class WorldData {

    /** Parses the ontology and the world into {@code dsg}; the caller holds the write transaction. Returns the quads read. */
    static long readInto(Path ontology, Path world, DatasetGraph dsg) {
        Counting sink = new Counting(StreamRDFLib.dataset(dsg));
        RDFParser.source(ontology).lang(Lang.TURTLE).parse(new ToGraph(sink, Graphs.Nodes.ONTOLOGY));
        RDFParser.source(world).lang(Lang.NQUADS).parse(sink);
        return sink.count;
    }

    /** Parses the ontology and the world into one graph (the union of the layout), for the Jena baseline. */
    static long readInto(Path ontology, Path world, Graph graph) {
        Counting sink = new Counting(StreamRDFLib.graph(graph));
        RDFParser.source(ontology).lang(Lang.TURTLE).parse(sink);
        RDFParser.source(world).lang(Lang.NQUADS).parse(new StreamRDFWrapper(sink) {
            @Override
            public void quad(Quad quad) {
                super.triple(quad.asTriple());
            }
        });
        return sink.count;
    }

    /**
     * Parses the ontology into a throwaway in-memory store, so that a timed load does not also
     * time class loading and the first compilations of the parser and the store.
     */
    static void warmUp(Path ontology) {
        DatasetGraph scratch = org.diplomacykg.store.Store.createUnionDataset().asDatasetGraph();
        org.apache.jena.system.Txn.executeWrite(scratch, () -> {
            RDFParser.source(ontology).lang(Lang.TURTLE).parse(new ToGraph(StreamRDFLib.dataset(scratch), Graphs.Nodes.ONTOLOGY));
        });
    }

    private static final class Counting extends StreamRDFWrapper {
        long count;

        Counting(StreamRDF other) {
            super(other);
        }

        @Override
        public void triple(Triple triple) {
            count++;
            super.triple(triple);
        }

        @Override
        public void quad(Quad quad) {
            count++;
            super.quad(quad);
        }
    }

    /** Sends a triples file's triples as quads of one graph. */
    private static final class ToGraph extends StreamRDFWrapper {
        private final org.apache.jena.graph.Node graph;

        ToGraph(StreamRDF other, org.apache.jena.graph.Node graph) {
            super(other);
            this.graph = graph;
        }

        @Override
        public void triple(Triple triple) {
            super.quad(Quad.create(graph, triple));
        }
    }

    private WorldData() {}
}
