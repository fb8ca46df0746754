package org.diplomacykg.server.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Readers never see data of one commit with inferences of another. Writers insert and delete
 * synthetic places, each {@code dkg:locatedIn} a region, from which the reasoners derive
 * {@code a dkg:Place} (the property's domain); concurrent readers ask, in one query, how many
 * places the data has and how many the inferred graph types: every answer must have them equal.
 */
class TestConsistentSnapshots {

    private static final Duration RUN = Duration.ofSeconds(4);
    private static final int WRITERS = 2;
    private static final int READERS = 3;
    private static final String GRAPH = Graphs.sourceGraph("synthetic-snapshot-test");
    private static final String SYN = "https://example.org/synthetic/";

    /** Premises and derived triples of the synthetic places, counted in one query, hence one read transaction. */
    private static final String COUNTS = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        SELECT ?premises ?derived {
          { SELECT (COUNT(*) AS ?premises) { GRAPH <%s> { ?place dkg:locatedIn ?region } } }
          { SELECT (COUNT(*) AS ?derived) { GRAPH <%s> { ?place a dkg:Place FILTER(STRSTARTS(STR(?place), "%splace-")) } } }
        }""".formatted(GRAPH, Graphs.INFERRED, SYN);

    @RegisterExtension
    static final WriteFixture kg = WriteFixture.perClass();

    @Test
    void everyReadSeesDataAndInferencesOfOneCommit() throws Exception {
        AtomicLong writes = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + RUN.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        List<Future<?>> running = new ArrayList<>();
        for ( int w = 0; w < WRITERS; w++ ) {
            int writer = w;
            running.add(pool.submit(() -> write(kg, writer, deadline, writes, failures)));
        }
        for ( int r = 0; r < READERS; r++ )
            running.add(pool.submit(() -> read(kg, deadline, reads, failures)));
        for ( Future<?> task : running )
            task.get();
        pool.shutdown();

        // The state after the run tells a lost inference (it stays) from a read that mixed two commits.
        long[] last = counts(kg);
        assertEquals(List.of(), List.copyOf(failures), "after the run: " + last[0] + " places in the data, " + last[1]
                     + " typed by the reasoners; " + writes + " writes, " + reads + " reads");
        assertTrue(writes.get() > 0 && reads.get() > 0, "writes " + writes + ", reads " + reads);
        assertEquals(last[0], last[1], "after the run");
        assertTrue(last[0] > 0, "some places remain");
    }

    /** Inserts places in batches of three; every other batch also deletes the batch before it, so inferences must retract too. */
    private static void write(WriteFixture kg, int writer, long deadline, AtomicLong writes, ConcurrentLinkedQueue<String> failures) {
        for ( int batch = 0; System.nanoTime() < deadline; batch++ ) {
            StringBuilder update = new StringBuilder();
            if ( batch % 2 == 1 )
                update.append("DELETE DATA { GRAPH <").append(GRAPH).append("> {").append(places(writer, batch - 1)).append("} } ;\n");
            update.append("INSERT DATA { GRAPH <").append(GRAPH).append("> {").append(places(writer, batch)).append("} }");
            HttpResponse<String> response = kg.send(kg.request("/kg/update").header("Content-Type", SparqlClient.SPARQL_UPDATE)
                                                      .POST(BodyPublishers.ofString(update.toString())));
            if ( response.statusCode() != 204 )
                failures.add("write " + response.statusCode() + ": " + response.body());
            else
                writes.incrementAndGet();
        }
    }

    private static String places(int writer, int batch) {
        StringBuilder out = new StringBuilder();
        for ( int i = 0; i < 3; i++ ) {
            String id = writer + "-" + batch + "-" + i;
            out.append(" <").append(SYN).append("place-").append(id).append("> <https://w3id.org/diplomacy-kg/ontology#locatedIn> <")
               .append(SYN).append("region-").append(id).append("> .");
        }
        return out.toString();
    }

    private static void read(WriteFixture kg, long deadline, AtomicLong reads, ConcurrentLinkedQueue<String> failures) {
        while ( System.nanoTime() < deadline ) {
            try {
                long[] counts = counts(kg);
                if ( counts[0] != counts[1] )
                    failures.add(counts[0] + " places in the data but " + counts[1] + " typed by the reasoners");
                reads.incrementAndGet();
            } catch (RuntimeException | AssertionError ex) {
                failures.add("read: " + ex);
            }
        }
    }

    private static long[] counts(WriteFixture kg) {
        ResultSetRewindable rows = SparqlClient.select(kg.kg.sparqlUrl(), COUNTS);
        QuerySolution row = rows.next();
        return new long[] { row.getLiteral("premises").getLong(), row.getLiteral("derived").getLong() };
    }
}
