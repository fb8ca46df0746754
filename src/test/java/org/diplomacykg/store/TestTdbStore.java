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

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.Fixtures;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store on disk: the first start fills and materialises it, later starts use it as it is
 * (not the files), and updates after a restart keep the inferences right.
 */
class TestTdbStore {

    private static final String PREFIXES = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        """;
    private static final String SOURCE = "<" + Graphs.sourceGraph("lavrov-rubio-2025-10") + ">";
    private static final String REVISION = PREFIXES + """
        INSERT DATA { GRAPH %s {
          id:statement-test-revision dkg:revises id:russia-position-on-ukraine ;
                                     dkg:date "2025-09-10T00:00:00"^^xsd:dateTime .
        } }""".formatted(SOURCE);
    private static final String UNDO_REVISION = PREFIXES + """
        DELETE WHERE { GRAPH %s { id:statement-test-revision ?p ?o } }""".formatted(SOURCE);

    @TempDir
    Path tmp;

    private DataLayout fixtureCopy() {
        Path root = Fixtures.copy("kg", tmp.resolve("kg"));
        return new DataLayout(root.resolve("ontology"), root.resolve("data"));
    }

    private static final DataLayout REAL = new DataLayout(Path.of("ontology"), Path.of("data"));

    /** A compaction moves the store to a new generation: what is committed survives a restart, and writes go on. */
    @Test
    void aCompactedStoreReopensWithTheSameQuadsAndTakesWrites() {
        Path dir = tmp.resolve("db");
        Set<Quad> before;
        try ( TdbStore store = StoreStack.at(dir).filledFrom(REAL).open() ) {
            before = StoreSnapshots.quads(store.datasetGraph());
            // The TDB2 store under the inferring dataset, its RecordedChanges and its CanonicalLiterals.
            DatasetGraph recorded = ((InferringDatasetGraph) store.datasetGraph()).getWrapped();
            DatasetGraph tdb = ((CanonicalLiterals) ((RecordedChanges) recorded).getWrapped()).getWrapped();
            Compaction compaction = new Compaction(tdb, -Long.MAX_VALUE / 4);
            compaction.afterWrite();
            assertEquals(1, compaction.compactions());
            assertEquals(before, StoreSnapshots.quads(store.datasetGraph()));
        }
        try ( TdbStore store = StoreStack.at(dir).existing().open() ) {
            assertEquals(before, StoreSnapshots.quads(store.datasetGraph()));
            DatasetGraph dsg = store.datasetGraph();
            Node place = NodeFactory.createURI("https://example.org/place-1");
            Node placeClass = NodeFactory.createURI(DKG.NS + "Place");
            Txn.executeWrite(dsg, () -> dsg.add(Graphs.Nodes.sourceGraph("compaction-test"), place,
                                                NodeFactory.createURI(DKG.NS + "locatedIn"), NodeFactory.createURI("https://example.org/region-1")));
            assertTrue(Txn.calculateRead(dsg, () -> dsg.contains(Graphs.Nodes.INFERRED, place, RDF.Nodes.type, placeClass)));
        }
    }

    @Test
    void theFirstStartFillsAnEmptyDirectoryAndMaterialises() {
        DataLayout layout = fixtureCopy();
        Path dir = tmp.resolve("db");
        try ( TdbStore store = StoreStack.at(dir).filledFrom(layout).open() ) {
            Map<String, Long> sizes = Store.graphSizes(store.dataset());
            assertEquals(11L, sizes.get(Graphs.ONTOLOGY));
            assertEquals(4L, sizes.get(Graphs.REFERENCE));
            assertEquals(5L, sizes.get(Graphs.sourceGraph("test-article")));
            // The same inferences as the in-memory store of the same files.
            Dataset memory = Store.loadTemporary(layout);
            Graph expected = StoreSnapshots.graph(memory.asDatasetGraph(), Graphs.Nodes.INFERRED);
            assertFalse(expected.isEmpty());
            assertTrue(expected.isIsomorphicWith(StoreSnapshots.graph(store.datasetGraph(), Graphs.Nodes.INFERRED)));
            assertTrue(sizes.get(Graphs.EXPLANATIONS) > 0);
            // The SPARQL default graph is the union of the named graphs but the explanations and the
            // audit trail (which holds the record of this fill), as in memory.
            assertTrue(sizes.get(Graphs.AUDIT) > 0);
            assertEquals(sizes.values().stream().mapToLong(Long::longValue).sum() - sizes.get(Graphs.EXPLANATIONS)
                         - sizes.get(Graphs.AUDIT), count(store.datasetGraph()));
        }
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void aLaterStartUsesTheStoreAsItIsAndReadsNoFile() throws IOException {
        DataLayout layout = fixtureCopy();
        Path dir = tmp.resolve("db");
        Set<Quad> first;
        try ( TdbStore store = StoreStack.at(dir).filledFrom(layout).open() ) {
            first = StoreSnapshots.quads(store.datasetGraph());
        }
        // Were the files read again, the new person would appear, and the broken facts would refuse the start.
        Files.writeString(layout.referenceFile(), """
            @prefix dkg: <https://w3id.org/diplomacy-kg/ontology#> .
            <https://w3id.org/diplomacy-kg/id/new-envoy> a dkg:Official ; <http://www.w3.org/2000/01/rdf-schema#label> "New" .
            """, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(layout.articlesDir().resolve("test-article/facts.ttl"), "this is not Turtle");
        Files.writeString(layout.ontologyFile(), "\n<https://example.org/x> <https://example.org/y> <https://example.org/z> .\n", java.nio.file.StandardOpenOption.APPEND);

        try ( TdbStore store = StoreStack.at(dir).filledFrom(layout).open() ) {
            assertEquals(first, StoreSnapshots.quads(store.datasetGraph()), "the store holds what it held");
            assertFalse(StoreSnapshots.graph(store.datasetGraph(), Graphs.Nodes.INFERRED).isEmpty());
            // The ontology file changed: the store keeps its own copy (and the start warns).
            assertFalse(store.ontologyMatches(layout.ontologyFile()));
        }
    }

    @Test
    void anUpdateAfterARestartKeepsTheInferencesRight() {
        Path dir = tmp.resolve("db");
        try ( TdbStore store = StoreStack.at(dir).filledFrom(REAL).open() ) {
            assertEquals("2025-08-15T00:00:00", unchangedSince(store.datasetGraph()));
        }
        try ( TdbStore store = StoreStack.at(dir).filledFrom(REAL).open() ) {
            DatasetGraph dsg = store.datasetGraph();
            // The reopened store's materialiser knows no derivations: this commit recomputes all.
            update(dsg, REVISION);
            assertEquals("2025-10-20T00:00:00", unchangedSince(dsg));
            // The same inferred graph as a store that never restarted and took the same update.
            Dataset memory = Store.loadTemporary(REAL);
            update(memory.asDatasetGraph(), REVISION);
            assertTrue(StoreSnapshots.graph(memory.asDatasetGraph(), Graphs.Nodes.INFERRED)
                           .isIsomorphicWith(StoreSnapshots.graph(dsg, Graphs.Nodes.INFERRED)));
            // And the next, incremental, commit too.
            update(dsg, UNDO_REVISION);
            assertEquals("2025-08-15T00:00:00", unchangedSince(dsg));
        }
        try ( TdbStore store = StoreStack.at(dir).filledFrom(REAL).open() ) {
            assertEquals("2025-08-15T00:00:00", unchangedSince(store.datasetGraph()), "the updates were persisted");
        }
    }

    @Test
    void aFileIsNotAStoreDirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        LoadException ex = assertThrows(LoadException.class, () -> StoreStack.at(file).open());
        assertTrue(ex.getMessage().contains(file.toString()) && ex.getMessage().contains("is a file"), ex.getMessage());
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsNamed() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Path below = file.resolve("db");
        LoadException ex = assertThrows(LoadException.class, () -> StoreStack.at(below).open());
        assertTrue(ex.getMessage().startsWith("Cannot create the store directory " + below), ex.getMessage());
    }

    @Test
    void aDirectoryWithOtherFilesIsNotTakenOver() throws IOException {
        DataLayout layout = fixtureCopy();
        LoadException ex = assertThrows(LoadException.class, () -> StoreStack.at(layout.dataDir()).open());
        assertTrue(ex.getMessage().contains("no TDB2 store"), ex.getMessage());
        assertFalse(Files.exists(layout.dataDir().resolve("Data-0001")), "nothing was created in it");
    }

    @Test
    void aRefusedFirstStartReleasesTheDirectory() {
        Path dir = tmp.resolve("db");
        DataLayout violating = new DataLayout(Fixtures.path("kg/ontology"), Fixtures.path("violating/data"));
        assertThrows(ShaclViolationException.class, () -> StoreStack.at(dir).filledFrom(violating).open());
        // Nothing was committed, and the directory can be opened again at once.
        try ( TdbStore store = StoreStack.at(dir).open() ) {
            assertFalse(store.isInitialised());
            assertTrue(StoreSnapshots.quads(store.datasetGraph()).isEmpty());
        }
    }

    private static void update(DatasetGraph dsg, String update) {
        Txn.executeWrite(dsg, () -> UpdateAction.parseExecute(update, dsg));
    }

    private static String unchangedSince(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> QueryExec.dataset(dsg)
            .query(PREFIXES + "SELECT ?d { id:russia-position-on-ukraine dkg:unchangedSince ?d }")
            .select().next().get("d").getLiteralLexicalForm());
    }

    private static long count(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> ((Number) QueryExec.dataset(dsg)
            .query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").select().next().get("n").getLiteralValue()).longValue());
    }
}
