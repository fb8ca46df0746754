package org.diplomacykg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.apache.jena.fuseki.main.FusekiServer;
import org.diplomacykg.server.KgServer;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.limits.Limits;
import org.diplomacykg.server.write.WriteAccess;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;
import org.diplomacykg.store.WriteGate;
import org.diplomacykg.vocab.Graphs;

/**
 * A load test, not a timed test: concurrent clients on loopback against the real server (as
 * {@code serve --passwd} builds it, on the temporary store or with {@code --tdb DIR}), sending the competency
 * queries of {@code queries/} and authenticated SPARQL updates, for a warm-up and then a
 * measured period. Prints throughput and latency percentiles (HdrHistogram) per kind of request
 * and the number of errors (any answer but 200 to a query or 204 to an update, or an I/O
 * failure); exits 1 if there was any error. See docs/benchmarks.md for the command.
 * <p>
 * Each update inserts three synthetic places ({@code https://example.org/synthetic/}) into a
 * graph of their own, and every other one deletes the three before: the store stays about the
 * same size however long the run, and each write has inferences to derive and to retract.
 * <p>
 * Options: {@code --clients N} (16), {@code --warmup S} (10), {@code --seconds S} (30),
 * {@code --writes FRACTION} (0.1), {@code --tdb DIR} (the temporary store).
 */
public final class LoadTest {

    private static final String USER = "bench";
    private static final String PASSWORD = "synthetic benchmark password";
    private static final String GRAPH = Graphs.sourceGraph("synthetic-load-test");
    private static final String SYN = "https://example.org/synthetic/";

    private final Map<String, String> queries;
    private final String sparqlUrl;
    private final String updateUrl;
    private final double writeShare;
    private final String authorization = "Basic "
        + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong writeSequence = new AtomicLong();
    private final List<String> errorSamples = new ArrayList<>();
    /** Measured latencies by kind (query file name, or "update"), in microseconds; null during warm-up. */
    private volatile Map<String, Histogram> measured = null;

    private LoadTest(Map<String, String> queries, String baseUrl, double writeShare) {
        this.queries = queries;
        this.sparqlUrl = baseUrl + KgServer.DATASET + "/sparql";
        this.updateUrl = baseUrl + KgServer.DATASET + "/update";
        this.writeShare = writeShare;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int clients = Integer.parseInt(options.getOrDefault("--clients", "16"));
        int warmup = Integer.parseInt(options.getOrDefault("--warmup", "10"));
        int seconds = Integer.parseInt(options.getOrDefault("--seconds", "30"));
        double writeShare = Double.parseDouble(options.getOrDefault("--writes", "0.1"));
        String tdb = options.get("--tdb");

        Path passwd = Files.createTempFile("load-test", ".passwd");
        Files.writeString(passwd, USER + ": " + PASSWORD + "\n");
        DataLayout layout = new DataLayout(Path.of("ontology"), Path.of("data"));
        StoreStack stack = tdb == null ? StoreStack.temporary() : StoreStack.at(Path.of(tdb));
        TdbStore store = stack.gate(WriteGate.forLayout(layout)).filledFrom(layout).open();
        FusekiServer server = KgServer.build(new ServerConfig(0, ServerConfig.DEFAULT_QUERY_TIMEOUT,
                                                              store.datasetGraph(), null, new WriteAccess(passwd), Limits.DEFAULTS));
        server.start();
        int exit;
        try {
            LoadTest test = new LoadTest(competencyQueries(), "http://localhost:" + server.getHttpPort(), writeShare);
            System.out.printf("%d clients, %d s warm-up, %d s measured, %.0f%% writes, store: %s%n",
                              clients, warmup, seconds, writeShare * 100, tdb == null ? "temporary store" : "TDB2 in " + tdb);
            test.run(clients, Duration.ofSeconds(warmup), false);
            test.run(clients, Duration.ofSeconds(seconds), true);
            test.report(Duration.ofSeconds(seconds));
            exit = test.errors.get() == 0 ? 0 : 1;
        } finally {
            server.stop();
            store.close();
            Files.deleteIfExists(passwd);
        }
        System.exit(exit);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for ( int i = 0; i + 1 < args.length; i += 2 )
            options.put(args[i], args[i + 1]);
        if ( args.length % 2 != 0 )
            throw new IllegalArgumentException("options come in pairs: --name value");
        return options;
    }

    private static Map<String, String> competencyQueries() throws IOException {
        Map<String, String> queries = new TreeMap<>();
        try ( Stream<Path> files = Files.list(Path.of("queries")) ) {
            for ( Path file : files.filter(f -> f.toString().endsWith(".rq")).toList() )
                queries.put(file.getFileName().toString().replace(".rq", ""), Files.readString(file));
        }
        return queries;
    }

    /** Runs {@code clients} threads for {@code duration}; records latencies only when {@code measure}. */
    private void run(int clients, Duration duration, boolean measure) throws InterruptedException {
        Map<String, Histogram> histograms = new ConcurrentHashMap<>();
        measured = measure ? histograms : null;
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for ( int c = 0; c < clients; c++ ) {
            Thread thread = new Thread(() -> client(deadline, measure ? histograms : null), "client-" + c);
            thread.start();
            threads.add(thread);
        }
        for ( Thread thread : threads )
            thread.join();
    }

    private void client(long deadline, Map<String, Histogram> histograms) {
        HttpClient http = HttpClient.newHttpClient();
        List<String> names = List.copyOf(queries.keySet());
        Map<String, Histogram> mine = new TreeMap<>();
        while ( System.nanoTime() < deadline ) {
            boolean write = ThreadLocalRandom.current().nextDouble() < writeShare;
            String kind = write ? "update" : names.get(ThreadLocalRandom.current().nextInt(names.size()));
            HttpRequest request = write ? update() : query(queries.get(kind));
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
                long micros = (System.nanoTime() - start) / 1000;
                if ( response.statusCode() != (write ? 204 : 200) )
                    error(kind + ": " + response.statusCode() + " " + response.body());
                else if ( histograms != null )
                    mine.computeIfAbsent(kind, k -> new Histogram(3)).recordValue(micros);
            } catch (IOException ex) {
                error(kind + ": " + ex);
                http = HttpClient.newHttpClient();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if ( histograms != null )
            mine.forEach((kind, h) -> histograms.merge(kind, h, (a, b) -> { Histogram sum = a.copy(); sum.add(b); return sum; }));
    }

    private synchronized void error(String message) {
        errors.incrementAndGet();
        if ( errorSamples.size() < 5 )
            errorSamples.add(message.length() > 300 ? message.substring(0, 300) : message);
    }

    private HttpRequest query(String query) {
        return HttpRequest.newBuilder(URI.create(sparqlUrl))
            .header("Content-Type", "application/sparql-query")
            .header("Accept", "application/sparql-results+json")
            .POST(BodyPublishers.ofString(query))
            .build();
    }

    /** Three synthetic places inserted; from the second write on, each odd write also deletes the three before. */
    private HttpRequest update() {
        long n = writeSequence.getAndIncrement();
        StringBuilder body = new StringBuilder();
        if ( n % 2 == 1 )
            body.append("DELETE DATA { GRAPH <").append(GRAPH).append("> {").append(places(n - 1)).append("} } ;\n");
        body.append("INSERT DATA { GRAPH <").append(GRAPH).append("> {").append(places(n)).append("} }");
        return HttpRequest.newBuilder(URI.create(updateUrl))
            .header("Content-Type", "application/sparql-update")
            .header("Authorization", authorization)
            .POST(BodyPublishers.ofString(body.toString()))
            .build();
    }

    private static String places(long n) {
        StringBuilder out = new StringBuilder();
        for ( int i = 0; i < 3; i++ ) {
            String id = n + "-" + i;
            out.append(" <").append(SYN).append("place-").append(id).append("> <http://www.w3.org/2000/01/rdf-schema#label> \"synthetic place ")
               .append(id).append("\"@en ; <https://w3id.org/diplomacy-kg/ontology#locatedIn> <").append(SYN).append("region-")
               .append(n % 50).append("> .");
        }
        return out.toString();
    }

    private void report(Duration duration) {
        Map<String, Histogram> histograms = new TreeMap<>(measured);
        Histogram queriesAll = new Histogram(3);
        histograms.forEach((kind, h) -> { if ( !kind.equals("update") ) queriesAll.add(h); });
        long total = histograms.values().stream().mapToLong(Histogram::getTotalCount).sum();
        System.out.printf("%nthroughput: %.0f requests/s (%d in %d s)%n", total / (double) duration.toSeconds(), total, duration.toSeconds());
        System.out.printf("%-40s %8s %8s %9s %9s %9s%n", "kind", "count", "req/s", "p50 ms", "p99 ms", "max ms");
        histograms.forEach((kind, h) -> line(kind, h, duration));
        line("all queries", queriesAll, duration);
        System.out.printf("errors: %d%n", errors.get());
        errorSamples.forEach(e -> System.out.println("  " + e));
    }

    private static void line(String kind, Histogram h, Duration duration) {
        System.out.printf("%-40s %8d %8.1f %9.2f %9.2f %9.2f%n", kind, h.getTotalCount(),
                          h.getTotalCount() / (double) duration.toSeconds(),
                          h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }
}
