package org.diplomacykg.bench;

import java.util.List;

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
 * the same kind of store, with the same union default graph, side by side in one JVM. Both get
 * the same warm-up, then each concurrency level runs on one server and then the other.
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
            HttpLoad onService = new HttpLoad("http://localhost:" + kg.getHttpPort() + "/kg/sparql", mix);
            HttpLoad onFuseki = new HttpLoad("http://localhost:" + fuseki.getHttpPort() + "/kg/sparql", mix);
            JsonObject o = new JsonObject();
            o.put("triples", triples);
            o.put("queries", names(mix));
            o.put("service_status", statuses(onService.probe()));
            o.put("fuseki_status", statuses(onFuseki.probe()));
            double warmUp = Math.min(5, request.durationSeconds());
            onService.run(2, warmUp);
            onFuseki.run(2, warmUp);
            JsonArray runs = new JsonArray();
            for ( int clients : request.clients() ) {
                JsonObject run = new JsonObject();
                run.put("clients", clients);
                run.put("service", onService.run(clients, request.durationSeconds()));
                run.put("fuseki", onFuseki.run(clients, request.durationSeconds()));
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
