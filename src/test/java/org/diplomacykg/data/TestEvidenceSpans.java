package org.diplomacykg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;

/**
 * Every evidence span of every article bundle under {@code data/articles/} occurs in the
 * article's text verbatim and exactly once, so that each fact can be traced to one place;
 * and every event, statement, claim and stance has evidence.
 */
class TestEvidenceSpans {

    private static final Path ARTICLES = Path.of("data", "articles");

    @Test
    void everySpanOccursVerbatimExactlyOnce() throws IOException {
        for (Path bundle : bundles()) {
            String text = Files.readString(bundle.resolve("text.id.txt"));
            List<String> spans = spans(RDFDataMgr.loadModel(bundle.resolve("facts.ttl").toString()));
            assertFalse(spans.isEmpty(), "no evidence spans in " + bundle);
            List<String> problems = new ArrayList<>();
            for (String span : spans) {
                int count = occurrences(text, span);
                if (count != 1)
                    problems.add(count + "x: " + span);
            }
            assertEquals(List.of(), problems, "spans in " + bundle + " not found exactly once in its text");
        }
    }

    @Test
    void everyEventStatementClaimAndStanceHasEvidence() throws IOException {
        String query = """
            PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
            SELECT ?thing WHERE {
              VALUES ?kind { dkg:Summit dkg:PhoneCall dkg:PressConference dkg:Cancellation
                             dkg:Statement dkg:Claim dkg:Support dkg:Rejection }
              ?thing a ?kind .
              FILTER NOT EXISTS { ?thing dkg:evidence ?e }
            }""";
        for (Path bundle : bundles()) {
            Model facts = RDFDataMgr.loadModel(bundle.resolve("facts.ttl").toString());
            List<String> missing = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.model(facts).query(query).build()) {
                qe.execSelect().forEachRemaining(row -> missing.add(row.get("thing").toString()));
            }
            assertEquals(List.of(), missing, "without evidence in " + bundle);
        }
    }

    @Test
    void theCountingIsNotFooledByOverlaps() {
        assertEquals(2, occurrences("aaa", "aa"));
        assertEquals(0, occurrences("abc", "abd"));
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> dirs = Files.list(ARTICLES)) {
            List<Path> bundles = dirs.filter(Files::isDirectory).sorted().toList();
            assertTrue(bundles.size() >= 1, "no article bundles under " + ARTICLES);
            return bundles;
        }
    }

    private static List<String> spans(Model facts) {
        String query = """
            PREFIX oa: <http://www.w3.org/ns/oa#>
            SELECT ?exact WHERE { ?selector oa:exact ?exact }""";
        List<String> spans = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.model(facts).query(query).build()) {
            qe.execSelect().forEachRemaining(row -> spans.add(row.getLiteral("exact").getLexicalForm()));
        }
        return spans;
    }

    /** Counts occurrences, overlapping ones included. */
    static int occurrences(String text, String span) {
        int count = 0;
        for (int at = text.indexOf(span); at >= 0; at = text.indexOf(span, at + 1))
            count++;
        return count;
    }
}
