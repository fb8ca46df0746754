package org.diplomacykg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.io.StringReader;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.diplomacykg.store.EvidenceCheck;
import org.diplomacykg.store.EvidenceCheck.Span;
import org.junit.jupiter.api.Test;

/**
 * Every evidence span of every article bundle under {@code data/articles/} names one place of
 * the article's text: its prefix + exact + suffix occurs there verbatim, exactly once (checked
 * by {@link EvidenceCheck}, which {@code load} and the write gate use too), so that each fact can
 * be traced to one place; and every event, statement, claim and stance has evidence.
 */
class TestEvidenceSpans {

    private static final Path ARTICLES = Path.of("data", "articles");

    @Test
    void everySpanNamesOnePlaceOfItsText() throws IOException {
        for (Path bundle : bundles()) {
            String text = Files.readString(bundle.resolve("text.id.txt"));
            List<Span> spans = EvidenceCheck.spans(RDFDataMgr.loadGraph(bundle.resolve("facts.ttl").toString()));
            assertFalse(spans.isEmpty(), "no evidence spans in " + bundle);
            assertEquals(List.of(), EvidenceCheck.problems(text, spans), "bad spans in " + bundle);
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
        assertEquals(1, EvidenceCheck.problems("aaa abc", List.of(new Span("aa", "", ""))).size());
    }

    @Test
    void aSpanIsItsPrefixExactAndSuffixOccurringOnce() {
        String text = "Lavrov met Rubio. Rubio met Lavrov.";
        assertEquals(List.of(), EvidenceCheck.problems(text, List.of(
            new Span("Lavrov met", "", ""),                    // once: needs no context
            new Span("Rubio", "", " met Lavrov"),              // twice, made unique by the suffix
            new Span("Rubio", "met ", ""))));                  // the other one, by the prefix
        assertEquals(List.of("\"Rubio\" (prefix \"Lavrov \", suffix \"\") does not occur verbatim in the text"
                             + " (it must copy the article's words character for character)"),
                     EvidenceCheck.problems(text, List.of(new Span("Rubio", "Lavrov ", ""))),
                     "the prefix is part of the quotation: it must stand just before the exact words");
        assertEquals(List.of("an empty oa:exact quotes nothing"), EvidenceCheck.problems(text, List.of(new Span("", "", ""))));
    }

    @Test
    void aSpanWhoseWordsOccurMoreThanOnceIsRefusedUnlessItsContextTellsThemApart() {
        String text = "Lavrov met Rubio. Rubio met Lavrov.";
        List<String> problems = EvidenceCheck.problems(text, List.of(new Span("Rubio", "", ""), new Span("met", "", " ")));
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("\"Rubio\" occurs 2 times in the text: add an oa:prefix and/or oa:suffix"), problems.get(0));
        assertTrue(problems.get(1).contains("occurs 2 times"), "a suffix that does not tell them apart: " + problems.get(1));
    }

    @Test
    void aGraphsSpansCarryTheirPrefixAndSuffix() {
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader("""
            @prefix oa: <http://www.w3.org/ns/oa#> .
            <http://example.org/s1> oa:exact "Rubio" ; oa:prefix "met " .
            <http://example.org/s2> oa:exact "Lavrov met" ."""), null, "TTL");
        assertEquals(Set.of(new Span("Rubio", "met ", ""), new Span("Lavrov met", "", "")),
                     Set.copyOf(EvidenceCheck.spans(m.getGraph())));
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> dirs = Files.list(ARTICLES)) {
            List<Path> bundles = dirs.filter(Files::isDirectory).sorted().toList();
            assertTrue(bundles.size() >= 1, "no article bundles under " + ARTICLES);
            return bundles;
        }
    }
}
