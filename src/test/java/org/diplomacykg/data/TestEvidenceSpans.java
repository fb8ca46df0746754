package org.diplomacykg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.diplomacykg.store.EvidenceCheck;
import org.junit.jupiter.api.Test;

/**
 * Every evidence span of every article bundle under {@code data/articles/} occurs in the
 * article's text verbatim and exactly once (checked by {@link EvidenceCheck}, which the
 * {@code load} command uses too), so that each fact can be traced to one place;
 * and every event, statement, claim and stance has evidence.
 */
class TestEvidenceSpans {

    private static final Path ARTICLES = Path.of("data", "articles");

    @Test
    void everySpanOccursVerbatimExactlyOnce() throws IOException {
        for (Path bundle : bundles()) {
            String text = Files.readString(bundle.resolve("text.id.txt"));
            List<String> spans = EvidenceCheck.spans(RDFDataMgr.loadGraph(bundle.resolve("facts.ttl").toString()));
            assertFalse(spans.isEmpty(), "no evidence spans in " + bundle);
            assertEquals(Map.of(), EvidenceCheck.notExactlyOnce(text, spans),
                         "spans in " + bundle + " not found exactly once in its text (span=count)");
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
        assertEquals(2, EvidenceCheck.occurrences("aaa", "aa"));
        assertEquals(0, EvidenceCheck.occurrences("abc", "abd"));
        assertEquals(Map.of("aa", 2, "abd", 0), EvidenceCheck.notExactlyOnce("aaa abc", List.of("aa", "abc", "abd")));
        assertEquals(List.of("abd", ""), EvidenceCheck.missing("aaa abc", List.of("aa", "abd", "abd", "")));
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> dirs = Files.list(ARTICLES)) {
            List<Path> bundles = dirs.filter(Files::isDirectory).sorted().toList();
            assertTrue(bundles.size() >= 1, "no article bundles under " + ARTICLES);
            return bundles;
        }
    }
}
