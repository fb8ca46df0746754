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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.Histogram;
import org.apache.jena.atlas.json.JsonObject;

/**
 * Closed-loop load on several SPARQL endpoints at once, taking turns: {@code clients} threads,
 * each sending the queries of the mix in turn (GET, JSON results) and waiting for each answer
 * before the next. Time is cut into slices of {@link #SLICE_NANOS}; in each slice every client
 * sends to one endpoint, the next slice to the next endpoint. Each endpoint gets the same total
 * time under the same machine conditions: on this machine the latency of the same request to
 * the same server moves by 2 ms and more from one second to the next (thread wake-ups on a
 * virtual CPU), which measuring one server after the other took for a difference between them.
 * Latency per request in an HdrHistogram per endpoint, under the endpoint its request went to;
 * throughput is answers per second of that endpoint's own slices.
 */
final class HttpLoad {

    /** Length of one turn. Short against a run, long against one request. */
    static final long SLICE_NANOS = 200_000_000L;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> names;
    private final List<String> endpoints;
    private final QueryMix mix;

    /** {@code endpoints}: name → SPARQL endpoint URL, in the order they take turns. */
    HttpLoad(Map<String, String> endpoints, QueryMix mix) {
        this.names = List.copyOf(endpoints.keySet());
        this.endpoints = List.copyOf(endpoints.values());
        this.mix = mix;
    }

    /** Sends each query once to each endpoint; returns the statuses by endpoint name (a check that all answer the mix). */
    Map<String, List<Integer>> probe() throws IOException, InterruptedException {
        Map<String, List<Integer>> statuses = new LinkedHashMap<>();
        for ( int e = 0; e < endpoints.size(); e++ ) {
            List<Integer> codes = new ArrayList<>();
            for ( String q : mix.queries() )
                codes.add(http.send(request(endpoints.get(e), q), HttpResponse.BodyHandlers.discarding()).statusCode());
            statuses.put(names.get(e), codes);
        }
        return statuses;
    }

    /**
     * Runs the load for {@code secondsEach} seconds of turns per endpoint; returns, by endpoint
     * name, its requests, errors, throughput and latency percentiles.
     */
    JsonObject run(int clients, double secondsEach) throws InterruptedException {
        int n = endpoints.size();
        long slices = Math.max(1, Math.round(secondsEach * 1e9 / SLICE_NANOS)) * n;
        List<Histogram[]> byClient = new ArrayList<>();
        AtomicLongArray errors = new AtomicLongArray(n);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for ( int c = 0; c < clients; c++ ) {
            Histogram[] histograms = new Histogram[n];
            for ( int e = 0; e < n; e++ )
                histograms[e] = Latency.histogram();
            byClient.add(histograms);
            int offset = c;
            Thread t = new Thread(() -> drive(offset, start, slices, histograms, errors), "bench-client-" + c);
            t.start();
            threads.add(t);
        }
        for ( Thread t : threads )
            t.join();
        double secondsOwn = slices / n * SLICE_NANOS / 1e9;
        JsonObject o = new JsonObject();
        for ( int e = 0; e < n; e++ ) {
            Histogram h = Latency.histogram();
            for ( Histogram[] histograms : byClient )
                h.add(histograms[e]);
            JsonObject r = Latency.json(h);
            r.put("clients", clients);
            r.put("errors", errors.get(e));
            r.put("throughput_per_s", Json.num(h.getTotalCount() / secondsOwn));
            o.put(names.get(e), r);
        }
        return o;
    }

    /** One client: the mix in turn, starting at its own offset so clients do not move in step. */
    private void drive(int offset, long start, long slices, Histogram[] histograms, AtomicLongArray errors) {
        int i = offset;
        while ( true ) {
            long slice = (System.nanoTime() - start) / SLICE_NANOS;
            if ( slice >= slices )
                return;
            int e = (int) (slice % endpoints.size());
            HttpRequest request = request(endpoints.get(e), mix.queries().get(i++ % mix.size()));
            long sent = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if ( response.statusCode() != 200 )
                    errors.incrementAndGet(e);
                else
                    Latency.recordNanos(histograms[e], System.nanoTime() - sent);
            } catch (IOException ex) {
                errors.incrementAndGet(e);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpRequest request(String endpoint, String query) {
        URI uri = URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).header("Accept", "application/sparql-results+json")
                          .timeout(Duration.ofSeconds(60)).GET().build();
    }
}
