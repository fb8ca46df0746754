package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store does not keep every write's old blocks: compaction swaps in a copy that holds the
 * same quads, prefixes and union default graph, under readers that keep reading and writers
 * that keep writing with their inferences. Runs over the project's ontology and data.
 */
class TestCompaction {

    private static final Node GRAPH = Graphs.Nodes.sourceGraph("compaction-test");
    private static final Node LOCATED_IN = NodeFactory.createURI(DKG.NS + "locatedIn");
    private static final Node PLACE = NodeFactory.createURI(DKG.NS + "Place");
    private static final String COUNT_DEFAULT_GRAPH = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }";

    private DatasetGraph store;
    private Materialiser materialiser;
    private InferringDatasetGraph dsg;

    @BeforeEach
    void setUp() {
        store = Store.createUnionDataset().asDatasetGraph();
        materialiser = Materialiser.standard();
        dsg = new InferringDatasetGraph(store, materialiser);
        Store.fill(dsg, new DataLayout(Path.of("ontology"), Path.of("data")));
    }

    @Test
    void aCompactedStoreHoldsTheSameQuadsPrefixesAndUnionDefaultGraph() {
        Set<Quad> quads = StoreSnapshots.quads(dsg);
        Map<String, String> prefixes = Txn.calculateRead(dsg, () -> dsg.getDefaultGraph().getPrefixMapping().getNsPrefixMap());
        long defaultGraphTriples = defaultGraphTriples();
        Compaction compaction = alwaysDue();
        compaction.afterWrite();
        assertEquals(1, compaction.compactions());
        assertEquals(quads, StoreSnapshots.quads(dsg));
        assertEquals(prefixes, Txn.calculateRead(dsg, () -> dsg.getDefaultGraph().getPrefixMapping().getNsPrefixMap()));
        assertTrue(defaultGraphTriples > 0);
        assertEquals(defaultGraphTriples, defaultGraphTriples(), "the SPARQL default graph is still the union of the named graphs");
    }

    @Test
    void writesAfterACompactionCarryTheirInferences() {
        alwaysDue().afterWrite();
        Node place = NodeFactory.createURI("https://example.org/place-1");
        Txn.executeWrite(dsg, () -> dsg.add(GRAPH, place, LOCATED_IN, NodeFactory.createURI("https://example.org/region-1")));
        assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(Graphs.Nodes.INFERRED, place, RDF.Nodes.type, PLACE)));
        Txn.executeWrite(dsg, () -> dsg.deleteAny(GRAPH, place, Node.ANY, Node.ANY));
        assertTrue(Txn.calculateRead(dsg, () -> !dsg.contains(Graphs.Nodes.INFERRED, place, RDF.Nodes.type, PLACE)));
    }

    /**
     * Many small writes: without compaction the indexes' blocks grow with every one; with it
     * they stay within twice the live ones plus the slack, while concurrent readers always
     * see as many places typed by the reasoners as the data has.
     */
    @Test
    void manyWritesKeepTheStoreBoundedAndReadersConsistent() throws Exception {
        long slack = 2_000;
        Compaction compaction = new Compaction(store, slack);
        long live = compaction.blocks();
        // Compacting after each commit, as the StoreStack builds a store.
        dsg = new InferringDatasetGraph(store, materialiser, new CommitSteps(CommitGate.NONE, compaction::afterWrite));

        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for ( int r = 0; r < 2; r++ )
            running.add(readers.submit(() -> {
                while ( writing.get() ) {
                    long[] counts = placesAndTyped();
                    if ( counts[0] != counts[1] )
                        failures.add(counts[0] + " places but " + counts[1] + " typed");
                }
            }));
        long most = 0;
        try {
            for ( int i = 0; i < 300; i++ ) {
                Node place = NodeFactory.createURI("https://example.org/place-" + i);
                Node region = NodeFactory.createURI("https://example.org/region-" + i);
                Txn.executeWrite(dsg, () -> dsg.add(GRAPH, place, LOCATED_IN, region));
                if ( i % 2 == 1 )
                    Txn.executeWrite(dsg, () -> dsg.delete(GRAPH, place, LOCATED_IN, region));
                most = Math.max(most, compaction.blocks());
            }
        } finally {
            writing.set(false);
            for ( Future<?> reader : running )
                reader.get();
            readers.shutdown();
        }
        assertEquals(List.of(), List.copyOf(failures));
        assertTrue(compaction.compactions() > 0, "compacted");
        assertTrue(most <= 2 * live + slack + 1_000, "at most " + most + " blocks, " + live + " live at the start");
        long[] counts = placesAndTyped();
        assertEquals(150, counts[0]);
        assertEquals(150, counts[1]);
    }

    /** Synthetic places in the data, and those the reasoners typed as places, in one read. */
    private long[] placesAndTyped() {
        return Txn.calculateRead(dsg, () -> {
            long places = count(dsg.find(GRAPH, Node.ANY, LOCATED_IN, Node.ANY));
            long typed = count(dsg.find(Graphs.Nodes.INFERRED, Node.ANY, RDF.Nodes.type, PLACE), "https://example.org/place-");
            return new long[] { places, typed };
        });
    }

    private static long count(Iterator<Quad> quads) {
        return count(quads, "");
    }

    private static long count(Iterator<Quad> quads, String subjectPrefix) {
        long n = 0;
        while ( quads.hasNext() ) {
            Node subject = quads.next().getSubject();
            if ( subject.isURI() && subject.getURI().startsWith(subjectPrefix) )
                n++;
        }
        return n;
    }

    private long defaultGraphTriples() {
        return Txn.calculateRead(dsg, () -> ((Number) QueryExec.dataset(dsg).query(COUNT_DEFAULT_GRAPH).select().next()
                                                                    .get("n").getLiteralValue()).longValue());
    }

    /** A compaction of this test's store that is due whatever the store holds. */
    private Compaction alwaysDue() {
        return new Compaction(store, -Long.MAX_VALUE / 4);
    }
}
