package org.diplomacykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A query's SERVICE clause would make the server fetch whatever address a client names;
 * it is refused with a 4xx, and the named address is never contacted.
 */
class TestServiceRefused {

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture();

    @Test
    void serviceClauseIsRefusedAndNothingIsFetched() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        elsewhere.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        elsewhere.start();
        try {
            String query = "SELECT * { SERVICE <http://localhost:" + elsewhere.getAddress().getPort()
                           + "/sparql> { ?s ?p ?o } }";
            HttpResponse<String> response = SparqlClient.postQuery(kg.sparqlUrl(), query, SparqlClient.RESULTS_JSON);
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "status " + response.statusCode());
            assertTrue(response.body().contains("SERVICE"), response.body());
        } finally {
            elsewhere.stop(0);
        }
        assertEquals(0, requests.get(), "the server contacted the address named in SERVICE");
    }
}
