package org.diplomacykg.server.hostile;

import static org.diplomacykg.server.hostile.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A randomised run: thousands of mutations ({@link Mutations}) of the competency questions in
 * {@code queries/*.rq} and of the Turtle in {@code data/**}, sent as queries (POST
 * {@code application/sparql-query}, every fifth as a form) and as Turtle PUTs to a scratch graph
 * with credentials. No answer may be a server error; at the end the asserted data outside the
 * scratch graph is as it was, and the server answers.
 * <p>
 * Bounded in count and in time: {@value #MAX_CASES} cases or {@value #MAX_SECONDS} s, whichever
 * comes first. The seed is printed; rerun one with {@code -Dhostile.seed=N}, and more cases with
 * {@code -Dhostile.cases=N -Dhostile.seconds=S}.
 */
class TestFuzz {

    static final int MAX_CASES = 2_000;
    static final int MAX_SECONDS = 60;
    static final long DEFAULT_SEED = 20_251_125L;

    @RegisterExtension
    static final Hostile kg = Hostile.writable();

    /** One request that went wrong, with what reproduces it. */
    private record Failure(int index, String kind, int status, String body, byte[] request) {
        @Override
        public String toString() {
            return "case " + index + " (" + kind + "): " + (status < 0 ? "no answer" : status + " " + shorten(body.replace('\n', ' '), 300))
                   + "\n    request: " + Mutations.show(request, 400);
        }
    }

    @Test
    void mutatedQueriesAndDocumentsAreNeverServerErrors() {
        long seed = Long.getLong("hostile.seed", DEFAULT_SEED);
        int maxCases = Integer.getInteger("hostile.cases", MAX_CASES);
        long deadline = System.nanoTime() + Duration.ofSeconds(Integer.getInteger("hostile.seconds", MAX_SECONDS)).toNanos();
        System.out.println("TestFuzz: seed " + seed + " (rerun with -Dhostile.seed=" + seed + "), at most " + maxCases + " cases");

        List<byte[]> queries = read("queries", ".rq");
        List<byte[]> documents = read("data", ".ttl");
        assertFalse(queries.isEmpty() || documents.isEmpty(), "no queries/*.rq or data/**/*.ttl to mutate");

        List<Failure> failures = new ArrayList<>();
        int cases = 0;
        int queryCases = 0;
        int documentCases = 0;
        int timeouts = 0;
        int[] byClass = new int[6];
        Set<Quad> before = kg.assertedOutsideScratch();
        for ( ; cases < maxCases && System.nanoTime() < deadline; cases++ ) {
            boolean query = cases % 2 == 0;
            List<byte[]> corpus = query ? queries : documents;
            byte[] original = corpus.get(Math.floorMod(Long.hashCode(seed) + cases / 2, corpus.size()));
            byte[] mutated = Mutations.mutate(original, seed, cases);
            String kind = query ? (cases % 10 == 0 ? "query form" : "query") : "turtle put";
            HttpResponse<String> response;
            try {
                response = query ? sendQuery(kg, mutated, cases % 10 == 0) : kg.sendPooled(kg.authed(dataPath(SCRATCH))
                    .header("Content-Type", "text/turtle").timeout(Duration.ofSeconds(30)).PUT(BodyPublishers.ofByteArray(mutated)));
            } catch (UncheckedIOException ex) {
                if ( ex.getCause() instanceof HttpTimeoutException ) {
                    // Slow, not wrong: a mutation can turn a join into a cross product; the server's timeout ends it.
                    timeouts++;
                    continue;
                }
                failures.add(new Failure(cases, kind + ", " + ex.getMessage(), -1, "", mutated));
                continue;
            }
            if ( query )
                queryCases++;
            else
                documentCases++;
            byClass[Math.min(response.statusCode() / 100, 5)]++;
            if ( response.statusCode() == 503 && query && response.body().contains("timed out") ) {
                timeouts++;                   // the documented answer to a query over the timeout
                continue;
            }
            if ( response.statusCode() >= 500 || (response.statusCode() >= 400 && !clean(response)) )
                failures.add(new Failure(cases, kind, response.statusCode(), response.body(), mutated));
        }
        System.out.printf("TestFuzz: seed %d, %d cases (%d queries, %d Turtle PUTs answered): 2xx %d, 4xx %d, 5xx %d, timed out %d%n",
                          seed, cases, queryCases, documentCases, byClass[2], byClass[4], byClass[5], timeouts);
        if ( !failures.isEmpty() )
            fail(failures.size() + " of " + cases + " cases (seed " + seed + ") got a server error or a stack trace; the first:\n"
                 + String.join("\n", failures.stream().limit(5).map(Failure::toString).toList()));
        assertSameData(before, kg.assertedOutsideScratch(), "the randomised run (seed " + seed + ")");
        kg.assertAlive();
        assertTrue(cases > 0, "no case ran");
    }

    private static HttpResponse<String> sendQuery(Hostile kg, byte[] query, boolean form) {
        var request = kg.anonymous("/kg/sparql").timeout(Duration.ofSeconds(15)).header("Accept", SparqlClient.RESULTS_JSON);
        if ( form )
            return kg.sendPooled(request.header("Content-Type", SparqlClient.FORM)
                .POST(BodyPublishers.ofByteArray(utf8("query=" + TestHostileQueries.percentEncode(query)))));
        return kg.sendPooled(request.header("Content-Type", SparqlClient.SPARQL_QUERY).POST(BodyPublishers.ofByteArray(query)));
    }

    /** A refusal with a message and no stack trace. */
    private static boolean clean(HttpResponse<String> response) {
        try {
            assertCleanBody(response);
            return true;
        } catch (AssertionError ex) {
            return false;
        }
    }

    private static List<byte[]> read(String dir, String suffix) {
        try ( Stream<Path> files = Files.walk(Path.of(dir)) ) {
            List<byte[]> out = new ArrayList<>();
            for ( Path file : files.filter(f -> f.toString().endsWith(suffix)).sorted().toList() )
                out.add(Files.readAllBytes(file));
            return out;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
