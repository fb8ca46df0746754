package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.diplomacykg.Fixtures;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files land in the named graphs the layout says; problems name the file and place. */
class TestDatasetLoader {

    @TempDir
    Path tmp;

    private static DataLayout fixtureLayout() {
        return new DataLayout(Fixtures.path("kg/ontology"), Fixtures.path("kg/data"));
    }

    @Test
    void eachFileHasItsNamedGraph() {
        Dataset dataset = Store.loadTemporary(fixtureLayout());
        Map<String, Long> sizes = Store.graphSizes(dataset);
        assertEquals(11L, sizes.get(Graphs.ONTOLOGY));
        assertEquals(4L, sizes.get(Graphs.REFERENCE));
        assertEquals(5L, sizes.get(Graphs.sourceGraph("test-article")));
        // The rest is what the reasoners derived from them, and the record of the load.
        assertEquals(Set.of(Graphs.ONTOLOGY, Graphs.REFERENCE, Graphs.sourceGraph("test-article"),
                            Graphs.INFERRED, Graphs.EXPLANATIONS, Graphs.AUDIT), sizes.keySet());
        // Nothing is stored in the real default graph: it is only ever the union.
        assertEquals(0L, Txn.calculateRead(dataset, () -> (long) dataset.asDatasetGraph().getDefaultGraph().size()));
    }

    @Test
    void defaultGraphOfQueriesIsTheUnionOfTheFactGraphs() {
        Dataset dataset = Store.loadTemporary(fixtureLayout());
        long count = Txn.calculateRead(dataset, () ->
            ((Number) QueryExec.dataset(dataset.asDatasetGraph())
                .query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
                .select().next().get("n").getLiteralValue()).longValue());
        Map<String, Long> sizes = Store.graphSizes(dataset);
        assertEquals(sizes.values().stream().mapToLong(Long::longValue).sum() - sizes.get(Graphs.EXPLANATIONS)
                     - sizes.get(Graphs.AUDIT), count, "every named graph but the explanations and the audit trail");
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() throws IOException {
        Path root = Fixtures.copy("kg", tmp);
        Path facts = root.resolve("data/articles/test-article/facts.ttl");
        Files.writeString(facts, """
            @prefix id: <https://w3id.org/diplomacy-kg/id/> .

            id:test-call id:says .
            """);
        LoadException ex = assertThrows(LoadException.class, () ->
            Store.loadTemporary(new DataLayout(root.resolve("ontology"), root.resolve("data"))));
        assertTrue(ex.getMessage().matches("(?s)\\Q" + facts + "\\E:3:\\d+: .*"), ex.getMessage());
    }

    @Test
    void missingDirectoryNamesPathAndOption() {
        Path missing = tmp.resolve("nowhere");
        LoadException ex = assertThrows(LoadException.class, () ->
            Store.loadTemporary(new DataLayout(missing, Fixtures.path("kg/data"))));
        assertTrue(ex.getMessage().contains(missing.toString()), ex.getMessage());
        assertTrue(ex.getMessage().contains("--ontology"), ex.getMessage());
    }

    @Test
    void missingShapesFileIsNamed() throws IOException {
        Path root = Fixtures.copy("kg", tmp);
        Files.delete(root.resolve("ontology/shapes.ttl"));
        LoadException ex = assertThrows(LoadException.class, () ->
            Store.loadTemporary(new DataLayout(root.resolve("ontology"), root.resolve("data"))));
        assertTrue(ex.getMessage().contains("shapes.ttl"), ex.getMessage());
    }

    @Test
    void articleWithoutFactsIsAnError() throws IOException {
        Path root = Fixtures.copy("kg", tmp);
        Files.createDirectories(root.resolve("data/articles/only-text"));
        LoadException ex = assertThrows(LoadException.class, () ->
            Store.loadTemporary(new DataLayout(root.resolve("ontology"), root.resolve("data"))));
        assertTrue(ex.getMessage().contains("only-text"), ex.getMessage());
    }

    @Test
    void articleDirectoryMustBeASlug() throws IOException {
        Path root = Fixtures.copy("kg", tmp);
        Path bad = root.resolve("data/articles/Not A Slug");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("facts.ttl"), "");
        LoadException ex = assertThrows(LoadException.class, () ->
            Store.loadTemporary(new DataLayout(root.resolve("ontology"), root.resolve("data"))));
        assertTrue(ex.getMessage().contains("Not A Slug"), ex.getMessage());
    }

    @Test
    void referenceFileIsOptional() throws IOException {
        Path root = Fixtures.copy("kg", tmp);
        Files.delete(root.resolve("data/reference.ttl"));
        // The article's meeting names people whose labels were in reference.ttl; the shape
        // targets typed persons only, so the data still conforms.
        Dataset dataset = Store.loadTemporary(new DataLayout(root.resolve("ontology"), root.resolve("data")));
        assertFalse(Store.graphSizes(dataset).containsKey(Graphs.REFERENCE));
        assertTrue(Store.graphSizes(dataset).containsKey(Graphs.sourceGraph("test-article")));
    }
}
