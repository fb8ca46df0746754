package org.diplomacykg.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.diplomacykg.Fixtures;
import org.diplomacykg.server.KgServer;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A replica's HTTP surface, without Kafka: the replication state is moved by the test as the
 * follower would move it. A read that names an offset waits for it or gets 503 with
 * Retry-After; status and metrics report offset and lag; writes are refused naming the topic.
 */
class TestReadYourWrites {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ASK = "/kg/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8);

    private static Replication replication;
    private static FusekiServer server;
    private static String base;

    @BeforeAll
    static void start() {
        replication = new Replication(Replication.Role.REPLICA, "kafka-1:9092", "kg-test", 4);
        var dataset = Store.loadTemporary(new DataLayout(Fixtures.path("kg/ontology"), Fixtures.path("kg/data")));
        server = KgServer.build(new ServerConfig(0, ServerConfig.DEFAULT_QUERY_TIMEOUT, dataset.asDatasetGraph())
            .withReplication(replication));
        server.start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aReadOfAHeldOffsetIsAnsweredAtOnce() throws Exception {
        assertEquals(200, get(ASK + "&after=4", null).statusCode());
        assertEquals(200, get(ASK, "3").statusCode());
    }

    @Test
    void aReadWaitsUntilItsOffsetIsApplied() throws Exception {
        CompletableFuture<HttpResponse<String>> read = HTTP.sendAsync(request(ASK, "6").build(), HttpResponse.BodyHandlers.ofString());
        replication.applied(5);
        replication.applied(6);
        assertEquals(200, read.get().statusCode());
    }

    @Test
    void aReadOfAnOffsetNotAppliedInTimeIs503WithRetryAfter() throws Exception {
        HttpResponse<String> response = get(ASK + "&after=1000", null);
        assertEquals(503, response.statusCode());
        assertTrue(response.headers().firstValue("Retry-After").isPresent());
        assertTrue(response.body().contains("1000"), response.body());
    }

    @Test
    void anOffsetThatIsNotANumberIs400() throws Exception {
        assertEquals(400, get(ASK, "latest").statusCode());
    }

    @Test
    void statusAndMetricsReportOffsetAndLag() throws Exception {
        long applied = replication.applied();
        // Read up to the record after the last applied one, the topic ending at 12.
        replication.read(applied + 1, 12);
        JsonObject status = JSON.parse(get("/$/status", null).body());
        assertEquals("replica", status.getString("role"));
        assertEquals("kg-test", status.getString("topic"));
        assertEquals(applied, status.get("appliedOffset").getAsNumber().value().longValue());
        assertEquals(12 - applied - 1, status.get("lag").getAsNumber().value().longValue());
        String metrics = get("/$/metrics", null).body();
        assertTrue(metrics.contains("# TYPE dkg_replica_lag_records gauge"), metrics);
        assertTrue(metrics.contains("dkg_replica_lag_records{topic=\"kg-test\",role=\"replica\"} " + (12 - applied - 1)), metrics);
    }

    @Test
    void writesAreRefusedNamingTheTopic() throws Exception {
        for ( String path : new String[] { "/kg/update", "/kg/data?graph=urn:x", "/kg/articles/some-article" } ) {
            HttpResponse<String> response = HTTP.send(request(path, null).POST(HttpRequest.BodyPublishers.ofString("x"))
                .header("Content-Type", "application/sparql-update").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, response.statusCode(), path);
            assertTrue(response.body().contains("kg-test") && response.body().contains("kafka-1:9092"), response.body());
        }
    }

    private static HttpResponse<String> get(String path, String after) throws Exception {
        return HTTP.send(request(path, after).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path, String after) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if ( after != null )
            builder.header("DKG-After", after);
        return builder;
    }
}
