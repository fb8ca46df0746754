package org.diplomacykg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * Read throughput of the competency-question mix ({@link QueryMix}) against one server and
 * against several serving the same store (a primary's replicas), for docs/scale-out.md: a
 * program beside the tests, not a test. {@code clients} threads each send the mix in turn,
 * waiting for each answer; with several servers the clients are spread over them, client i
 * to server i mod n, so the offered load is the same and only the number of servers changes.
 * <pre>
 * java -cp ... org.diplomacykg.bench.ReplicaReadBench --servers http://localhost:3031,http://localhost:3032 --clients 8 --seconds 30
 * </pre>
 * Runs the first server alone, then all of them; prints answers per second and latency.
 */
public final class ReplicaReadBench {

    public static void main(String[] args) throws InterruptedException {
        List<String> servers = List.of();
        int clients = 8;
        double seconds = 30;
        for ( int i = 0; i + 1 < args.length; i += 2 ) {
            switch ( args[i] ) {
                case "--servers" -> servers = Arrays.asList(args[i + 1].split(","));
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if ( servers.isEmpty() )
            throw new IllegalArgumentException("--servers URL,URL,... (base URLs of servers of the same store)");
        QueryMix mix = QueryMix.standard();
        // Warm-up: every query once on every server.
        run(servers, mix, servers.size(), 5);
        System.out.println("servers\tclients\tanswers/s\terrors\tp50 ms\tp99 ms");
        for ( List<String> set : List.of(servers.subList(0, 1), servers) )
            report(set, clients, run(set, mix, clients, seconds));
    }

    private record Result(long answers, long errors, Histogram latency, double seconds) {}

    private static Result run(List<String> servers, QueryMix mix, int clients, double seconds) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Histogram latency = Latency.histogram();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for ( int c = 0; c < clients; c++ ) {
            String endpoint = servers.get(c % servers.size()) + "/kg/sparql";
            int first = c;
            Thread thread = new Thread(() -> {
                Histogram own = Latency.histogram();
                for ( int i = first; System.nanoTime() < end; i++ ) {
                    String query = mix.queries().get(i % mix.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?query="
                            + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                        .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(60)).build();
                    long sent = System.nanoTime();
                    try {
                        if ( http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200 )
                            Latency.recordNanos(own, System.nanoTime() - sent);
                        else
                            errors.incrementAndGet();
                    } catch (java.io.IOException ex) {
                        errors.incrementAndGet();
                    } catch (InterruptedException ex) {
                        return;
                    }
                }
                synchronized ( latency ) {
                    latency.add(own);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for ( Thread thread : threads )
            thread.join();
        return new Result(latency.getTotalCount(), errors.get(), latency, seconds);
    }

    private static void report(List<String> servers, int clients, Result r) {
        System.out.printf("%d\t%d\t%.1f\t%d\t%.1f\t%.1f%n", servers.size(), clients, r.answers() / r.seconds(), r.errors(),
                          r.latency().getValueAtPercentile(50) / 1000.0, r.latency().getValueAtPercentile(99) / 1000.0);
    }

    private ReplicaReadBench() {}
}
