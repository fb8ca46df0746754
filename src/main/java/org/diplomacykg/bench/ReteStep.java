package org.diplomacykg.bench;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.diplomacykg.bench.jena.JenaRules;

/**
 * Full materialisation by the Jena baseline: the service's rules written as Jena rules
 * ({@link JenaRules}), run by {@code GenericRuleReasoner} in {@code FORWARD_RETE} mode over the
 * ontology and the asserted data, stratum by stratum as {@link JenaRules#materialise} does.
 */
final class ReteStep {

    static JsonObject run(StepRequest request) {
        Graph ontology = GraphFactory.createGraphMem();
        RDFParser.source(request.ontology()).parse(ontology);
        Graph data = GraphFactory.createGraphMem();
        long read = WorldData.readInto(request.ontology(), request.world(), data);
        Heap.usedAfterGc();
        Heap.resetPeak();
        long start = System.nanoTime();
        Graph inferred = JenaRules.materialise(ontology, data);
        long nanos = System.nanoTime() - start;
        long peak = Heap.peak();
        JsonObject o = new JsonObject();
        o.put("triples", read);
        o.put("distinct_triples", data.size());
        o.put("materialise_ms", Json.num(nanos / 1e6));
        o.put("peak_heap_mb", Json.num(peak / 1048576.0));
        o.put("inferred", inferred.size());
        o.put("inferred_per_s", Json.num(inferred.size() / (nanos / 1e9)));
        return o;
    }

    private ReteStep() {}
}
