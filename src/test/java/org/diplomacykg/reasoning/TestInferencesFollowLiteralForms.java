package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.DatasetLoader;
import org.diplomacykg.store.InferringDatasetGraph;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A premise written with a literal in a form TDB2 stores otherwise ({@code ".000"} seconds,
 * {@code +00:00} for {@code Z}) is retracted with its inferences by a delete naming it in the
 * form written, as by one matching the form read back: the rules see the stored form.
 */
class TestInferencesFollowLiteralForms {

    private static final String PREFIXES = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        """;
    private static final String SOURCE = "<" + Graphs.sourceGraph("lavrov-rubio-2025-10") + ">";

    private static Set<Quad> derived(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Set<Quad> quads = new HashSet<>(Iter.toList(dsg.find(Graphs.Nodes.INFERRED, Node.ANY, Node.ANY, Node.ANY)));
            quads.addAll(Iter.toList(dsg.find(Graphs.Nodes.EXPLANATIONS, Node.ANY, Node.ANY, Node.ANY)));
            return quads;
        });
    }

    private static void update(DatasetGraph dsg, String update) {
        Txn.executeWrite(dsg, () -> UpdateAction.parseExecute(PREFIXES + update, dsg));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"2025-09-10T00:00:00.000\"^^xsd:dateTime", "\"2025-09-10T00:00:00.500+00:00\"^^xsd:dateTime" })
    void aRevisionDeletedInTheFormWrittenTakesItsInferencesWithIt(String date) {
        DatasetGraph dsg = new InferringDatasetGraph(Store.createUnionDataset().asDatasetGraph(), Materialiser.standard());
        Txn.executeWrite(dsg, () -> DatasetLoader.load(new DataLayout(Path.of("ontology"), Path.of("data")), dsg));
        Set<Quad> before = derived(dsg);
        String revision = "GRAPH " + SOURCE + " { id:statement-test-revision dkg:revises id:russia-position-on-ukraine ; dkg:date " + date + " }";

        update(dsg, "INSERT DATA { " + revision + " }");
        assertNotEquals(before, derived(dsg), "the revision has inferences");
        update(dsg, "DELETE DATA { " + revision + " }");
        assertEquals(before, derived(dsg), "inferences after DELETE DATA in the form written");

        update(dsg, "INSERT DATA { " + revision + " }");
        update(dsg, "DELETE WHERE { GRAPH ?g { id:statement-test-revision ?p ?o } }");
        assertEquals(before, derived(dsg), "inferences after DELETE WHERE");
    }
}
