package org.diplomacykg.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultSetCompare;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestFactory;

/**
 * Every competency question in {@code queries/} runs over HTTP against the server loaded
 * from the real {@code ontology/} and {@code data/}, and must give exactly the answer kept
 * beside it ({@code NN-name.tsv}, SPARQL TSV results, checked against the article by hand).
 * Rows are compared as a multiset, term by term.
 */
class TestCompetencyQuestions {

    private static final Path QUERIES = Path.of("queries");
    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();

    @Test
    void everyQuestionHasANonEmptyExpectedAnswer() throws IOException {
        List<Path> queries = queryFiles();
        assertTrue(queries.size() >= 12, "at least the 12 questions of the foundation issue");
        for (Path query : queries) {
            Path expected = expectedFile(query);
            assertTrue(Files.exists(expected), "missing expected answer " + expected);
            assertTrue(readExpected(expected).size() > 0, "expected answer is empty: " + expected);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyQuestionGivesItsExpectedAnswer() throws IOException {
        return queryFiles().stream().map(query -> DynamicTest.dynamicTest(query.getFileName().toString(), () -> {
            ResultSetRewindable actual = SparqlClient.select(kg.sparqlUrl(), Files.readString(query));
            ResultSetRewindable expected = readExpected(expectedFile(query));
            boolean same = ResultSetCompare.equalsByTerm(expected, actual);
            expected.reset();
            actual.reset();
            assertTrue(same, () -> query + " gave\n" + ResultSetFormatter.asText(actual)
                    + "\nexpected\n" + ResultSetFormatter.asText(expected));
        }));
    }

    static List<Path> queryFiles() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            List<Path> queries = files.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
            assertFalse(queries.isEmpty(), "no queries in " + QUERIES.toAbsolutePath());
            return queries;
        }
    }

    static Path expectedFile(Path query) {
        String name = query.getFileName().toString();
        return query.resolveSibling(name.substring(0, name.length() - ".rq".length()) + ".tsv");
    }

    private static ResultSetRewindable readExpected(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ResultSetMgr.read(in, ResultSetLang.RS_TSV).rewindable();
        }
    }
}
