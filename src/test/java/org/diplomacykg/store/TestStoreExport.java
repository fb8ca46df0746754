package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An export holds every graph of a store, and a store rebuilt from an export's asserted graphs
 * derives the same inferences and explanations as the original.
 */
class TestStoreExport {

    private static final DataLayout REAL = new DataLayout(Path.of("ontology"), Path.of("data"));
    private static final String REVISION = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        INSERT DATA { GRAPH <%s> {
          id:statement-test-revision dkg:revises id:russia-position-on-ukraine ;
                                     dkg:date "2025-09-10T00:00:00"^^xsd:dateTime .
        } }""".formatted(Graphs.sourceGraph("lavrov-rubio-2025-10"));

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(StoreExport.Format.class)
    void aStoreRebuiltFromItsExportHasTheSameGraphsAndInferences(StoreExport.Format format) throws IOException {
        Path export = tmp.resolve(format == StoreExport.Format.TRIG ? "export.trig" : "export.nq");
        try ( TdbStore original = StoreStack.at(tmp.resolve("original")).filledFrom(REAL).open() ) {
            DatasetGraph dsg = original.datasetGraph();
            // An update, so that the export is of the store, not of the files it started from.
            Txn.executeWrite(dsg, () -> UpdateAction.parseExecute(REVISION, dsg));
            try ( OutputStream out = Files.newOutputStream(export) ) {
                long quads = StoreExport.write(dsg, null, format, out);
                assertEquals(StoreSnapshots.quads(dsg).size(), quads);
            }
            try ( TdbStore rebuilt = StoreStack.at(tmp.resolve("rebuilt")).open() ) {
                StoreLoader.Outcome outcome = new StoreLoader(rebuilt.datasetGraph(), ShaclGate.fromFile(REAL.shapesFile())).restore(export);
                // Only the asserted quads were counted in: the derived graphs below were derived again.
                assertEquals(StoreSnapshots.quads(dsg).stream().filter(q -> !InferringDatasetGraph.isProtected(q.getGraph())).count(),
                             outcome.triples());
                List<Node> graphs = graphNames(dsg);
                assertTrue(graphs.contains(Graphs.Nodes.INFERRED) && graphs.contains(Graphs.Nodes.EXPLANATIONS));
                assertEquals(graphs, graphNames(rebuilt.datasetGraph()));
                for ( Node g : graphs ) {
                    Graph expected = StoreSnapshots.graph(dsg, g);
                    Graph actual = StoreSnapshots.graph(rebuilt.datasetGraph(), g);
                    if ( Graphs.Nodes.AUDIT.equals(g) ) {
                        // The history as it was, and the restore's own record.
                        assertTrue(actual.find().toSet().containsAll(expected.find().toSet()), "the audit trail is kept");
                        assertEquals(activities(expected) + 1, activities(actual), "one more record: the restore");
                    } else if ( InferringDatasetGraph.isProtected(g) )
                        // Derivations are named by terms, never by blank-node labels: the same triples.
                        assertEquals(expected.find().toSet(), actual.find().toSet(), "graph " + g + " differs");
                    else
                        assertTrue(expected.isIsomorphicWith(actual), "graph " + g + " differs");
                }
            }
        }
    }

    @Test
    void theExportHoldsTheDerivedGraphsAndOneGraphCanBeExportedAlone() throws IOException {
        try ( TdbStore store = StoreStack.at(tmp.resolve("db")).filledFrom(REAL).open() ) {
            DatasetGraph dsg = store.datasetGraph();
            Path all = tmp.resolve("all.trig");
            try ( OutputStream out = Files.newOutputStream(all) ) {
                StoreExport.write(dsg, null, StoreExport.Format.TRIG, out);
            }
            DatasetGraph read = RDFDataMgr.loadDatasetGraph(all.toString());
            assertTrue(StoreSnapshots.graph(dsg, Graphs.Nodes.INFERRED).isIsomorphicWith(read.getGraph(Graphs.Nodes.INFERRED)));
            assertTrue(StoreSnapshots.graph(dsg, Graphs.Nodes.EXPLANATIONS).isIsomorphicWith(read.getGraph(Graphs.Nodes.EXPLANATIONS)));

            Path one = tmp.resolve("inferred.nq");
            try ( OutputStream out = Files.newOutputStream(one) ) {
                StoreExport.write(dsg, Graphs.Nodes.INFERRED, StoreExport.Format.NQUADS, out);
            }
            DatasetGraph single = RDFDataMgr.loadDatasetGraph(one.toString());
            assertEquals(List.of(Graphs.Nodes.INFERRED), Iter.toList(single.listGraphNodes()));
            assertTrue(StoreSnapshots.graph(dsg, Graphs.Nodes.INFERRED).isIsomorphicWith(single.getGraph(Graphs.Nodes.INFERRED)));

            LoadException ex = assertThrows(LoadException.class, () ->
                StoreExport.write(dsg, Graphs.Nodes.sourceGraph("no-such-article"), StoreExport.Format.TRIG, OutputStream.nullOutputStream()));
            assertTrue(ex.getMessage().contains("no-such-article"), ex.getMessage());
        }
    }

    @Test
    void anExportIsOnlyRestoredIntoAnEmptyStore() throws IOException {
        Path export = tmp.resolve("export.trig");
        try ( TdbStore store = StoreStack.at(tmp.resolve("db")).filledFrom(REAL).open() ) {
            try ( OutputStream out = Files.newOutputStream(export) ) {
                StoreExport.write(store.datasetGraph(), null, StoreExport.Format.TRIG, out);
            }
            var before = StoreSnapshots.quads(store.datasetGraph());
            LoadException ex = assertThrows(LoadException.class, () ->
                new StoreLoader(store.datasetGraph(), ShaclGate.fromFile(REAL.shapesFile())).restore(export));
            assertTrue(ex.getMessage().contains("empty store"), ex.getMessage());
            assertEquals(before, StoreSnapshots.quads(store.datasetGraph()));
            assertFalse(before.isEmpty());
        }
    }

    private static List<Node> graphNames(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            List<Node> names = Iter.toList(dsg.listGraphNodes());
            names.sort(java.util.Comparator.comparing(Node::getURI));
            return names;
        });
    }

    private static long activities(Graph audit) {
        return audit.find(Node.ANY, org.apache.jena.vocabulary.RDF.Nodes.type, AuditRecord.Activity).toList().size();
    }
}
