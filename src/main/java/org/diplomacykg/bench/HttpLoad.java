package org.diplomacykg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.apache.jena.atlas.json.JsonObject;

/**
 * Closed-loop load on one SPARQL endpoint: {@code clients} threads, each sending the queries
 * of the mix in turn (GET, JSON results) and waiting for each answer before the next, for a
 * fixed time. Latency per request in an HdrHistogram; throughput is answers per second.
 */
final class HttpLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(10)).build();
    private final String endpoint;
    private final QueryMix mix;

    HttpLoad(String endpoint, QueryMix mix) {
        this.endpoint = endpoint;
        this.mix = mix;
    }

    /** Sends each query once; returns the status of each (a check that both servers answer the mix). */
    List<Integer> probe() throws IOException, InterruptedException {
        List<Integer> statuses = new ArrayList<>();
        for ( String q : mix.queries() )
            statuses.add(http.send(request(q), HttpResponse.BodyHandlers.discarding()).statusCode());
        return statuses;
    }

    /** Runs the load and returns requests, errors, throughput and latency percentiles. */
    JsonObject run(int clients, double seconds) throws InterruptedException {
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for ( int c = 0; c < clients; c++ ) {
            Histogram h = Latency.histogram();
            histograms.add(h);
            int first = c;
            Thread t = new Thread(() -> drive(first, deadline, h, errors), "bench-client-" + c);
            t.start();
            threads.add(t);
        }
        long start = System.nanoTime();
        for ( Thread t : threads )
            t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram all = Latency.histogram();
        histograms.forEach(all::add);
        JsonObject o = Latency.json(all);
        o.put("clients", clients);
        o.put("errors", errors.get());
        o.put("throughput_per_s", Json.num(all.getTotalCount() / elapsed));
        return o;
    }

    /** One client: the mix in turn, starting at its own offset so clients do not move in step. */
    private void drive(int offset, long deadline, Histogram latencies, AtomicLong errors) {
        int i = offset;
        while ( System.nanoTime() < deadline ) {
            HttpRequest request = request(mix.queries().get(i++ % mix.size()));
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if ( response.statusCode() != 200 )
                    errors.incrementAndGet();
                else
                    Latency.recordNanos(latencies, System.nanoTime() - start);
            } catch (IOException ex) {
                errors.incrementAndGet();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpRequest request(String query) {
        URI uri = URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).header("Accept", "application/sparql-results+json")
                          .timeout(Duration.ofSeconds(60)).GET().build();
    }
}
