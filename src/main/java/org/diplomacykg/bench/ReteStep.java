package org.diplomacykg.bench;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.reasoner.InfGraph;
import org.apache.jena.reasoner.rulesys.BasicForwardRuleInfGraph;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.sparql.graph.GraphFactory;

/** Full materialisation by the Jena baseline ({@link ReteBaseline}) over ontology and asserted data in one graph. */
final class ReteStep {

    static JsonObject run(StepRequest request) {
        Graph data = GraphFactory.createGraphMem();
        long read = WorldData.readInto(request.ontology(), request.world(), data);
        GenericRuleReasoner reasoner = ReteBaseline.reasoner();
        Heap.usedAfterGc();
        Heap.resetPeak();
        long start = System.nanoTime();
        InfGraph inf = reasoner.bind(data);
        inf.prepare();
        long nanos = System.nanoTime() - start;
        long peak = Heap.peak();
        Graph deductions = ((BasicForwardRuleInfGraph) inf).getDeductionsGraph();
        // What the service calls inferred: conclusions not already asserted.
        long inferred = Iter.count(deductions.find().filterDrop(data::contains));
        JsonObject o = new JsonObject();
        o.put("triples", read);
        o.put("distinct_triples", data.size());
        o.put("materialise_ms", Json.num(nanos / 1e6));
        o.put("peak_heap_mb", Json.num(peak / 1048576.0));
        o.put("inferred", inferred);
        o.put("inferred_per_s", Json.num(inferred / (nanos / 1e9)));
        return o;
    }

    private ReteStep() {}
}
