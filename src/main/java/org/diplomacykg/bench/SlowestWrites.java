package org.diplomacykg.bench;

import java.util.Comparator;
import java.util.PriorityQueue;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.reasoning.MaterialisationReport;

/**
 * The few slowest single-statement writes of an incremental measurement, with the statement
 * and what its commit changed in the inferred graph: the tail of the latency, explained.
 */
final class SlowestWrites {

    private record Write(String kind, Quad quad, long nanos, MaterialisationReport report) {}

    private final int keep;
    private final PriorityQueue<Write> fastestFirst = new PriorityQueue<>(Comparator.comparingLong(Write::nanos));

    SlowestWrites(int keep) {
        this.keep = keep;
    }

    void offer(String kind, Quad quad, long nanos, MaterialisationReport report) {
        fastestFirst.add(new Write(kind, quad, nanos, report));
        if ( fastestFirst.size() > keep )
            fastestFirst.poll();
    }

    /** Slowest first: kind, ms (of which the materialiser's), the statement's predicate and subject, inferred triples added and removed. */
    JsonArray json() {
        JsonArray out = new JsonArray();
        fastestFirst.stream().sorted(Comparator.comparingLong(Write::nanos).reversed()).forEach(w -> {
            JsonObject o = new JsonObject();
            o.put("kind", w.kind());
            o.put("ms", Json.num(w.nanos() / 1e6));
            o.put("reasoning_ms", Json.num(w.report().elapsed().toNanos() / 1e6));
            o.put("predicate", w.quad().getPredicate().toString());
            o.put("subject", w.quad().getSubject().toString());
            o.put("inferred_added", w.report().added());
            o.put("inferred_removed", w.report().removed());
            out.add(o);
        });
        return out;
    }
}
