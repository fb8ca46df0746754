package org.diplomacykg.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Random;

import org.HdrHistogram.Histogram;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.store.InferringDatasetGraph;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * The service's own figures on one world, in one JVM: load rate into the store the server uses
 * by default (TDB2 in a temporary directory, {@link Store#createUnionDataset()}), full
 * materialisation by {@link Materialiser#standard()} (time, peak heap), bytes of heap and of
 * files per quad held, and the latency of single-statement writes through the
 * {@link InferringDatasetGraph} (incremental maintenance), to set against the full materialisation.
 */
final class ServiceStep {

    static JsonObject run(StepRequest request, boolean incremental) throws IOException {
        JsonObject o = new JsonObject();
        long heapBefore = Heap.usedAfterGc();

        WorldData.warmUp(request.ontology());
        DatasetGraph base = Store.createUnionDataset().asDatasetGraph();
        long start = System.nanoTime();
        long triples = Txn.calculateWrite(base, () -> WorldData.readInto(request.ontology(), request.world(), base));
        long loadNanos = System.nanoTime() - start;
        o.put("triples", triples);
        o.put("load_ms", Json.num(loadNanos / 1e6));
        o.put("load_triples_per_s", Json.num(triples / (loadNanos / 1e9)));

        Materialiser materialiser = Materialisation.measure(base, o);

        long held = Txn.calculateRead(base, () -> Iter.count(base.find()));
        long heapAfter = Heap.usedAfterGc();
        o.put("quads_held", held);
        o.put("heap_held_mb", Json.num((heapAfter - heapBefore) / 1048576.0));
        o.put("bytes_per_triple", Json.num((double) (heapAfter - heapBefore) / held));
        DatasetGraphSwitchable container = (DatasetGraphSwitchable) base;
        long files = DiskUsage.of(container.getContainerPath());
        o.put("disk_bytes", files);
        o.put("disk_bytes_per_quad", Json.num((double) files / held));
        // What a store settles at: TDB2 keeps every block a transaction replaced until it is
        // compacted, and a server compacts as garbage grows (store/Compaction).
        start = System.nanoTime();
        DatabaseMgr.compact(container, true);
        o.put("compact_ms", Json.num((System.nanoTime() - start) / 1e6));
        long compacted = DiskUsage.of(container.getContainerPath());
        o.put("disk_bytes_compacted", compacted);
        o.put("disk_bytes_compacted_per_asserted_triple", Json.num((double) compacted / triples));

        if ( incremental )
            o.put("incremental", incremental(request, new InferringDatasetGraph(base, materialiser), materialiser));
        return o;
    }

    /**
     * Deletes one asserted premise of a derivation and inserts it back, each in its own write
     * transaction whose commit maintains the inferences; premises drawn at random (seeded, each
     * distinct premise alike) from the explanations graph, until the repetitions or the time
     * budget run out.
     */
    private static JsonObject incremental(StepRequest request, InferringDatasetGraph dsg, Materialiser materialiser) {
        List<Quad> premises = Txn.calculateRead(dsg, () -> assertedPremises(dsg, request.repetitions(), request.seed()));
        Histogram inserts = Latency.histogram();
        Histogram deletes = Latency.histogram();
        // The materialiser's share of each write, apart from the commit (on a busy disk the journal's sync dominates).
        Histogram insertsReasoning = Latency.histogram();
        Histogram deletesReasoning = Latency.histogram();
        JsonObject o = new JsonObject();
        o.put("premises_sampled", premises.size());
        if ( premises.isEmpty() )
            return o;
        SlowestWrites slowest = new SlowestWrites(10);
        long deadline = System.nanoTime() + (long) (request.budgetSeconds() * 1e9);
        for ( int i = 0; i < request.repetitions() && System.nanoTime() < deadline; i++ ) {
            Quad q = premises.get(i % premises.size());
            long start = System.nanoTime();
            Txn.executeWrite(dsg, () -> dsg.delete(q));
            long nanos = System.nanoTime() - start;
            Latency.recordNanos(deletes, nanos);
            Latency.recordNanos(deletesReasoning, materialiser.lastReport().elapsed().toNanos());
            slowest.offer("delete", q, nanos, materialiser.lastReport());
            start = System.nanoTime();
            Txn.executeWrite(dsg, () -> dsg.add(q));
            nanos = System.nanoTime() - start;
            Latency.recordNanos(inserts, nanos);
            Latency.recordNanos(insertsReasoning, materialiser.lastReport().elapsed().toNanos());
            slowest.offer("insert", q, nanos, materialiser.lastReport());
        }
        o.put("delete", Latency.json(deletes));
        o.put("insert", Latency.json(inserts));
        o.put("delete_reasoning", Latency.json(deletesReasoning));
        o.put("insert_reasoning", Latency.json(insertsReasoning));
        o.put("slowest", slowest.json());
        return o;
    }

    /** Up to {@code max} asserted quads that are premises of recorded derivations, in a seeded random order. */
    private static List<Quad> assertedPremises(DatasetGraph dsg, int max, long seed) {
        var explanations = dsg.getGraph(Graphs.Nodes.EXPLANATIONS);
        // Distinct premises, so that each is as likely to be drawn as any other: drawn by
        // occurrence, the few tenure facts that hundreds of counterparts rest on would dominate.
        Set<Triple> distinct = new LinkedHashSet<>();
        Iter.iter(explanations.find(Node.ANY, DKG.Nodes.premise, Node.ANY)).forEach(t -> {
            if ( t.getObject().isTripleTerm() )
                distinct.add(t.getObject().getTriple());
        });
        List<Triple> candidates = new ArrayList<>(distinct);
        Collections.shuffle(candidates, new Random(seed));
        List<Quad> out = new ArrayList<>();
        for ( Triple t : candidates ) {
            if ( out.size() >= max )
                break;
            Quad asserted = Iter.first(dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()),
                                       q -> !InferringDatasetGraph.isProtected(q.getGraph())
                                            && !Graphs.Nodes.ONTOLOGY.equals(q.getGraph()));
            if ( asserted != null && !out.contains(asserted) )
                out.add(asserted);
        }
        return out;
    }

    private ServiceStep() {}
}
