package org.diplomacykg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.DatasetFactory;
import org.junit.jupiter.api.Test;

/**
 * The load takes turns between endpoints: each gets requests, and each request (its latency
 * or its error) is counted under the endpoint it went to.
 */
class TestHttpLoad {

    @Test
    void everyEndpointGetsItsTurnAndItsOwnErrors() throws Exception {
        FusekiServer server = FusekiServer.create().port(0).add("/ds", DatasetFactory.createTxnMem(), false).build();
        server.start();
        try {
            String base = "http://localhost:" + server.getHttpPort();
            Map<String, String> endpoints = new LinkedHashMap<>();
            endpoints.put("answers", base + "/ds/sparql");
            endpoints.put("missing", base + "/nothing-here/sparql");
            QueryMix mix = new QueryMix(List.of("ask"), List.of("ASK { ?s ?p ?o }"));
            HttpLoad load = new HttpLoad(endpoints, mix);

            assertEquals(Map.of("answers", List.of(200), "missing", List.of(404)), load.probe());

            JsonObject run = load.run(2, 0.5);
            JsonObject answers = Json.obj(run, "answers"), missing = Json.obj(run, "missing");
            assertTrue(Json.get(answers, "count") > 0, run.toString());
            assertEquals(0, Json.get(answers, "errors"), run.toString());
            assertTrue(Json.get(answers, "throughput_per_s") > 0, run.toString());
            assertEquals(0, Json.get(missing, "count"), "a failed request has no latency: " + run);
            assertTrue(Json.get(missing, "errors") > 0, "the 404s are the missing endpoint's: " + run);
        } finally {
            server.stop();
        }
    }
}
