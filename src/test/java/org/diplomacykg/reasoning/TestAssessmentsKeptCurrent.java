package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.DatasetLoader;
import org.diplomacykg.store.InferringDatasetGraph;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the real article data, through SPARQL Update on the dataset the server serves: the
 * deadlock between Russia's and Ukraine's positions is inferred, attributed, dated only once
 * both demands are, and retracted with a demand; the continuity assessment against the Alaska
 * summit is Lavrov's, and a later revision resets the record and the assessment.
 */
class TestAssessmentsKeptCurrent {

    private static final String PREFIXES = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        """;
    private static final String SOURCE = "<" + Graphs.sourceGraph("lavrov-rubio-2025-10") + ">";
    private static final String INFERRED = "<" + Graphs.INFERRED + ">";
    private static final String DEADLOCK = "id:incompatibility-russia-position-on-ukraine-ukraine-position-on-peace";
    private static final String ALASKA = "id:continuity-russia-position-on-ukraine-alaska-summit-2025";

    private DatasetGraph dsg;

    @BeforeEach
    void load() {
        dsg = new InferringDatasetGraph(Store.createUnionDataset().asDatasetGraph(), Materialiser.standard());
        Txn.executeWrite(dsg, () -> DatasetLoader.load(new DataLayout(Path.of("ontology"), Path.of("data")), dsg));
    }

    @Test
    void theDeadlockIsInferredAttributedDatedOnlyWhenBothSidesAreAndRetractedWithADemand() {
        assertTrue(ask("ASK { GRAPH %s { id:russia-position-on-ukraine dkg:incompatibleWith id:ukraine-position-on-peace ."
                       + " id:ukraine-position-on-peace dkg:incompatibleWith id:russia-position-on-ukraine ."
                       + " %s a dkg:Incompatibility ; dkg:conflictingDemand id:demand-peace-agreement-before-ceasefire ,"
                       + " id:condition-parties-stop-shooting ; dkg:accordingTo id:sergey-lavrov } }", INFERRED, DEADLOCK));
        // The article does not date what Ukraine's leader said: no date is made up.
        assertFalse(ask("ASK { %s dkg:incompatibleAsOf ?d }", DEADLOCK));

        update("INSERT DATA { GRAPH %s { id:statement-ukraine-peace-conditions dkg:date \"2025-10-22T00:00:00\"^^xsd:dateTime } }",
               SOURCE);
        assertTrue(ask("ASK { %s dkg:incompatibleAsOf \"2025-10-22T00:00:00\"^^xsd:dateTime }", DEADLOCK));

        update("DELETE WHERE { GRAPH ?g { id:ukraine-position-on-peace dkg:demand id:condition-parties-stop-shooting } }");
        assertFalse(ask("ASK { id:russia-position-on-ukraine dkg:incompatibleWith ?other }"));
        assertFalse(ask("ASK { %s ?p ?o }", DEADLOCK));
    }

    @Test
    void theAlaskaComparisonIsLavrovsAndARevisionResetsTheRecordAndTheAssessment() {
        assertEquals(Set.of("2025-10-21T00:00:00"), values("id:russia-position-on-ukraine", "dkg:lastReaffirmed"));
        assertEquals(Set.of("2025-10-21T00:00:00"), values(ALASKA, "dkg:asOf"));
        assertTrue(ask("ASK { GRAPH %s { %s dkg:comparedWith id:alaska-summit-2025 ; dkg:accordingTo id:sergey-lavrov ;"
                       + " dkg:assessedPosition id:russia-position-on-ukraine } }", INFERRED, ALASKA));

        String revision = "GRAPH %s { id:statement-test-revision dkg:revises id:russia-position-on-ukraine ;"
                          + " dkg:attributedTo id:sergey-lavrov ; dkg:date \"2025-11-21T00:00:00\"^^xsd:dateTime }";
        update("INSERT DATA { " + revision + " }", SOURCE);
        // Not "unchanged since 21 November, last reaffirmed 21 October".
        assertEquals(Set.of("2025-11-21T00:00:00"), values("id:russia-position-on-ukraine", "dkg:unchangedSince"));
        assertEquals(Set.of(), values("id:russia-position-on-ukraine", "dkg:lastReaffirmed"));
        assertFalse(ask("ASK { %s ?p ?o }", ALASKA));

        update("DELETE DATA { " + revision + " }", SOURCE);
        assertEquals(Set.of("2025-08-15T00:00:00"), values("id:russia-position-on-ukraine", "dkg:unchangedSince"));
        assertEquals(Set.of("2025-10-21T00:00:00"), values(ALASKA, "dkg:asOf"));
    }

    private void update(String update, Object... args) {
        Txn.executeWrite(dsg, () -> UpdateAction.parseExecute(PREFIXES + update.formatted(args), dsg));
    }

    private boolean ask(String query, Object... args) {
        return Txn.calculateRead(dsg, () -> QueryExec.dataset(dsg).query(PREFIXES + query.formatted(args)).ask());
    }

    /** The lexical forms of the inferred values of (s, p). */
    private Set<String> values(String s, String p) {
        return Txn.calculateRead(dsg, () -> {
            Set<String> found = new HashSet<>();
            QueryExec.dataset(dsg).query(PREFIXES + "SELECT ?v { GRAPH %s { %s %s ?v } }".formatted(INFERRED, s, p))
                     .select().forEachRemaining(b -> found.add(b.get("v").getLiteralLexicalForm()));
            return found;
        });
    }
}
