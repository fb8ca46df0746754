package org.diplomacykg.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.server.KgServer;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.store.InferringDatasetGraph;
import org.diplomacykg.store.Store;

/**
 * Query latency and throughput of the real service ({@link KgServer}, read-only, defaults) and
 * of a plain Fuseki serving a copy of the same materialised quads (asserted and inferred) from
 * the same kind of store, with the same union default graph, side by side in one JVM. At each
 * concurrency level the clients take turns between the two servers in short slices
 * ({@link HttpLoad}), so that both are measured under the same conditions. The plain Fuseki
 * keeps Fuseki's defaults (its 5 MB response buffer among them), as a Jena user would run it.
 */
final class HttpStep {

    static JsonObject run(StepRequest request) throws Exception {
        DatasetGraph base = Store.createUnionDataset().asDatasetGraph();
        Materialiser materialiser = Materialiser.standard();
        long triples = Txn.calculateWrite(base, () -> WorldData.readInto(request.ontology(), request.world(), base));
        Txn.executeWrite(base, () -> materialiser.materialiseAll(base));
        DatasetGraph service = new InferringDatasetGraph(base, materialiser);

        Dataset copy = Store.createUnionDataset();
        Txn.executeRead(base, () -> Txn.executeWrite(copy, () -> base.find().forEachRemaining(copy.asDatasetGraph()::add)));

        FusekiServer kg = KgServer.build(new ServerConfig(0, ServerConfig.DEFAULT_QUERY_TIMEOUT, service));
        FusekiServer fuseki = FusekiServer.create().port(0).add("/kg", copy, false).build();
        kg.start();
        fuseki.start();
        try {
            QueryMix mix = QueryMix.standard();
            Map<String, String> endpoints = new LinkedHashMap<>();
            endpoints.put("service", "http://localhost:" + kg.getHttpPort() + "/kg/sparql");
            endpoints.put("fuseki", "http://localhost:" + fuseki.getHttpPort() + "/kg/sparql");
            HttpLoad load = new HttpLoad(endpoints, mix);
            JsonObject o = new JsonObject();
            o.put("triples", triples);
            o.put("queries", names(mix));
            Map<String, List<Integer>> statuses = load.probe();
            o.put("service_status", statuses(statuses.get("service")));
            o.put("fuseki_status", statuses(statuses.get("fuseki")));
            o.put("slice_ms", HttpLoad.SLICE_NANOS / 1_000_000);
            load.run(2, Math.min(5, request.durationSeconds()));
            JsonArray runs = new JsonArray();
            for ( int clients : request.clients() ) {
                JsonObject run = load.run(clients, request.durationSeconds());
                run.put("clients", clients);
                runs.add(run);
            }
            o.put("runs", runs);
            return o;
        } finally {
            kg.stop();
            fuseki.stop();
        }
    }

    private static JsonArray names(QueryMix mix) {
        JsonArray a = new JsonArray();
        mix.names().forEach(a::add);
        return a;
    }

    private static JsonArray statuses(List<Integer> statuses) {
        JsonArray a = new JsonArray();
        statuses.forEach(s -> a.add(s));
        return a;
    }

    private HttpStep() {}
}
