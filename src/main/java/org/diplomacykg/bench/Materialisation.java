package org.diplomacykg.bench;

import java.io.IOException;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplomacykg.reasoning.MaterialisationReport;
import org.diplomacykg.reasoning.Materialiser;

/** The materialisation figures of a store, whichever kind it is: the rules alone, then a full run. */
final class Materialisation {

    /**
     * Measures on {@code dsg} the rules alone (in memory, nothing written: the part comparable
     * with RETE, which neither stores its conclusions in a dataset nor explains them), then a
     * full materialisation in a write transaction; puts the figures into {@code o}. Returns the
     * materialiser, current with the store, for updates to be measured after it.
     */
    static Materialiser measure(DatasetGraph dsg, JsonObject o) throws IOException {
        Materialiser materialiser = Materialiser.standard();
        Heap.usedAfterGc();
        long start = System.nanoTime();
        long derived = Txn.calculateRead(dsg, () -> materialiser.derive(dsg).size());
        o.put("rules_ms", Json.num((System.nanoTime() - start) / 1e6));
        o.put("rules_inferred", derived);
        BenchStep.progress(o);

        Heap.usedAfterGc();
        Heap.resetPeak();
        start = System.nanoTime();
        MaterialisationReport report = Txn.calculateWrite(dsg, () -> materialiser.materialiseAll(dsg));
        long nanos = System.nanoTime() - start;
        o.put("materialise_ms", Json.num(nanos / 1e6));
        o.put("peak_heap_mb", Json.num(Heap.peak() / 1048576.0));
        o.put("inferred", report.inferredTriples());
        o.put("inferred_per_s", Json.num(report.inferredTriples() / (nanos / 1e9)));
        // Kept even if a later measure (counting, compacting a large store) runs out of time.
        BenchStep.progress(o);
        return materialiser;
    }

    private Materialisation() {}
}
