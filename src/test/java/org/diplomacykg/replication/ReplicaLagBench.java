package org.diplomacykg.replication;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.diplomacykg.ChildJvm;
import org.diplomacykg.replication.ReplicatedService.Answer;

/**
 * A measurement, not a test: the lag of a read replica behind the primary under a steady rate
 * of article-sized writes, on a real three-broker Kafka cluster ({@link KafkaCluster}), with
 * the primary and one replica as child JVMs as {@code serve --publish} and
 * {@code serve --replica-of} run them. See docs/scale-out.md for the command and the figures.
 * <p>
 * At each rate the writes are sent on a fixed schedule (open loop: a write that waits for the
 * primary does not delay the next one; at most {@value #IN_FLIGHT} in flight, a write beyond
 * that is counted as missed; a write answered with an error or not within 90 s as failed). Each write replaces one of {@code --articles} synthetic article
 * graphs by {@code --places} places (twice as many triples, with their inferences and
 * explanations: the real article has 2,246 triples). The lag of a write is the time from the
 * primary's acknowledgement to the replica's answer to a read sent at once with
 * {@code DKG-After:} the write's offset, i.e. how long a client that reads its own write on the
 * replica waits (a 503 after the server's wait is asked again, so long lags are measured, not
 * cut off).
 * <p>
 * Options: {@code --rates 10,50}, {@code --warmup S} (10), {@code --seconds S} (60),
 * {@code --places N} (1100), {@code --articles N} (20), {@code --heap SIZE} (2g, each server's -Xmx).
 */
public final class ReplicaLagBench {

    private static final int IN_FLIGHT = 16;

    private final ReplicatedService service;
    private final int places;
    private final int articles;
    private final AtomicInteger written = new AtomicInteger();

    private ReplicaLagBench(ReplicatedService service, int places, int articles) {
        this.service = service;
        this.places = places;
        this.articles = articles;
    }

    /** What one rate gave. */
    private record Result(int rate, long missed, long failed, Histogram writes, Histogram lags, Duration measured) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Integer> rates = new ArrayList<>();
        for ( String rate : options.getOrDefault("rates", "10,50").split(",") )
            rates.add(Integer.valueOf(rate.trim()));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        Duration seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        int places = Integer.parseInt(options.getOrDefault("places", "1100"));
        int articles = Integer.parseInt(options.getOrDefault("articles", "20"));
        // The servers' heap: a primary taking article-sized writes needs room for its compactions.
        String heap = options.getOrDefault("heap", "2g");

        // The servers' logs stay there after the run; their stores do not.
        Path dir = Files.createDirectories(Path.of("target", "replica-lag",
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        List<Result> results = new ArrayList<>();
        long start = System.nanoTime();
        try ( KafkaCluster cluster = KafkaCluster.start(3) ) {
            ReplicatedService service = new ReplicatedService(dir, cluster, "replica-lag", 1, heap, heap);
            try ( service ) {
                System.out.printf("Kafka and the two servers ready after %.1f s; their logs are in %s%n",
                                  (System.nanoTime() - start) / 1e9, dir.toAbsolutePath());
                ReplicaLagBench bench = new ReplicaLagBench(service, places, articles);
                for ( int rate : rates )
                    results.add(bench.run(rate, warmup, seconds));
            } finally {
                service.deleteStores();
            }
        }

        System.out.printf("%n%s UTC, %d cores; each write replaces a synthetic article of %d triples (%d articles in turn)%n%n",
                          Instant.now().toString().substring(0, 16).replace('T', ' '), Runtime.getRuntime().availableProcessors(),
                          2 * places, articles);
        System.out.println("| offered writes/s | achieved writes/s | missed | failed | write p50 | write p99 | lag p50 | lag p99 | lag max |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for ( Result r : results )
            System.out.printf("| %d | %.1f | %d | %d | %s | %s | %s | %s | %s |%n", r.rate(),
                              r.writes().getTotalCount() / (double) r.measured().toMillis() * 1000, r.missed(), r.failed(),
                              ms(r.writes(), 50), ms(r.writes(), 99), ms(r.lags(), 50), ms(r.lags(), 99), ms(r.lags(), 100));
    }

    /** Writes at {@code rate} per second for the warm-up, then measures for {@code seconds}. */
    private Result run(int rate, Duration warmup, Duration seconds) throws InterruptedException {
        Histogram writes = new Histogram(3);
        Histogram lags = new Histogram(3);
        AtomicLong missed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT);
        long period = 1_000_000_000L / rate;
        long begin = System.nanoTime();
        long measureFrom = begin + warmup.toNanos();
        long end = measureFrom + seconds.toNanos();
        long scheduled = 0;
        for ( long next = begin ; next < end ; next += period ) {
            long wait = next - System.nanoTime();
            if ( wait > 0 )
                TimeUnit.NANOSECONDS.sleep(wait);
            boolean measured = next >= measureFrom;
            if ( measured )
                scheduled++;
            if ( inFlight.incrementAndGet() > IN_FLIGHT ) {
                inFlight.decrementAndGet();
                if ( measured )
                    missed.incrementAndGet();
                continue;
            }
            clients.execute(() -> {
                try {
                    writeAndRead(measured ? writes : null, measured ? lags : null, failed);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(10, TimeUnit.MINUTES);
        Result result = new Result(rate, missed.get(), failed.get(), writes, lags, seconds);
        System.out.printf("%d writes/s offered (%d in %d s): %d acknowledged, %d missed, %d failed; write p50 %s p99 %s; lag p50 %s p99 %s max %s%n",
                          rate, scheduled, seconds.toSeconds(), writes.getTotalCount(), missed.get(), failed.get(), ms(writes, 50), ms(writes, 99),
                          ms(lags, 50), ms(lags, 99), ms(lags, 100));
        return result;
    }

    /** One write on the primary, then a read of it on the replica; records both times unless the histograms are null (warm-up). */
    private void writeAndRead(Histogram writes, Histogram lags, AtomicLong failed) {
        int n = written.getAndIncrement();
        long sent = System.nanoTime();
        Answer answer;
        try {
            answer = service.update(SyntheticWrites.replaceArticle(n, n % articles, places));
        } catch (RuntimeException ex) {
            // No answer within the client's time limit.
            answer = new Answer(0, ex.toString(), null);
        }
        long acknowledged = System.nanoTime();
        if ( !answer.acknowledged() ) {
            if ( writes != null )
                failed.incrementAndGet();
            return;
        }
        if ( answer.offset() == null )
            throw new IllegalStateException("write " + n + " acknowledged without DKG-Offset");
        readAfter(service.replica(0), answer.offset());
        long read = System.nanoTime();
        if ( writes != null ) {
            synchronized ( writes ) {
                writes.recordValue((acknowledged - sent) / 1000);
            }
            synchronized ( lags ) {
                lags.recordValue((read - acknowledged) / 1000);
            }
        }
    }

    /** A read on {@code replica} that waits for {@code offset}, asked again after each 503. */
    private static void readAfter(ChildJvm.Server replica, long offset) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(replica.sparqlUrl() + "?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8)))
            .header("Accept", "application/sparql-results+json")
            .header("DKG-After", Long.toString(offset))
            .build();
        HttpClient client = HttpClient.newHttpClient();
        try {
            while ( true ) {
                HttpResponse<Void> response = client.send(request, BodyHandlers.discarding());
                if ( response.statusCode() == 200 )
                    return;
                if ( response.statusCode() != 503 )
                    throw new IllegalStateException("the replica answered " + response.statusCode());
            }
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String ms(Histogram h, double percentile) {
        if ( h.getTotalCount() == 0 )
            return "-";
        long micros = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return String.format("%.0f ms", micros / 1000.0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for ( int i = 0 ; i + 1 < args.length ; i += 2 ) {
            if ( !args[i].startsWith("--") )
                throw new IllegalArgumentException("expected an option, got " + args[i]);
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
