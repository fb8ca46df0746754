package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.DatasetLoader;
import org.diplomacykg.store.InferringDatasetGraph;
import org.diplomacykg.store.ProtectedGraphException;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Inferences follow every committed change of the real article data, through the Java API
 * (SPARQL Update on the dataset the server serves): a revision moves the continuity date, a
 * deleted premise takes its conclusions with it, an aborted or failed update changes
 * nothing, the inferred graph cannot be written, an update re-runs only the rules it
 * concerns, and readers always see data and inferences of one commit.
 */
class TestKeptCurrent {

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

    private Materialiser materialiser;
    private DatasetGraph dsg;

    @BeforeEach
    void load() {
        materialiser = Materialiser.standard();
        dsg = new InferringDatasetGraph(Store.createUnionDataset().asDatasetGraph(), materialiser);
        Txn.executeWrite(dsg, () -> DatasetLoader.load(new DataLayout(Path.of("ontology"), Path.of("data")), dsg));
    }

    @Test
    void aRevisionMovesTheDateToTheFirstReaffirmationAfterIt() {
        assertEquals("2025-08-15T00:00:00", unchangedSince());
        update(REVISION);
        assertEquals("2025-10-20T00:00:00", unchangedSince());
        update(UNDO_REVISION);
        assertEquals("2025-08-15T00:00:00", unchangedSince());
    }

    @Test
    void deletingAPremiseRetractsWhatRestedOnIt() {
        update(PREFIXES + "DELETE WHERE { GRAPH ?g { ?statement dkg:comparedWith id:alaska-summit-2025 } }");
        assertEquals("2025-10-20T00:00:00", unchangedSince());
        // (Other explanations may name the summit: a statement that refers to it makes it an event.)
        assertFalse(ask("""
            ASK { GRAPH <%s> { ?d dkg:conclusion ?c ; dkg:premise ?p
                               FILTER(SUBJECT(?c) = id:russia-position-on-ukraine
                                      && (SUBJECT(?p) = id:alaska-summit-2025 || OBJECT(?p) = id:alaska-summit-2025)) } }"""
                        .formatted(Graphs.EXPLANATIONS)),
                    "no explanation of the position still names the Alaska summit");

        update(PREFIXES + "DELETE WHERE { GRAPH ?g { id:tenure-marco-rubio-us-secretary-of-state-2025 dkg:holder ?who } }");
        assertFalse(ask("ASK { id:sergey-lavrov dkg:counterpart id:marco-rubio }"));
        assertFalse(ask("ASK { id:lavrov-rubio-call-2025-10-20 dkg:involvesState id:united-states }"));
        assertTrue(ask("ASK { id:lavrov-rubio-call-2025-10-20 dkg:involvesState id:russia }"));
    }

    @Test
    void deletingAThingFromEveryGraphSkipsTheDerivedGraphsAndTheyFollow() {
        update(REVISION);
        assertTrue(ask("ASK { GRAPH <%s> { id:statement-test-revision a dkg:Statement } }".formatted(Graphs.INFERRED)));
        // GRAPH ?g matches the inferred graph too; the update did not name it, so it is not refused.
        update(PREFIXES + "DELETE WHERE { GRAPH ?g { id:statement-test-revision ?p ?o } }");
        assertFalse(ask("ASK { id:statement-test-revision ?p ?o }"));
        assertEquals("2025-08-15T00:00:00", unchangedSince());
    }

    @Test
    void anAbortedUpdateLeavesDataAndInferencesAsTheyWere() {
        Graph before = snapshot();
        dsg.begin(ReadWrite.WRITE);
        try {
            UpdateAction.parseExecute(REVISION, dsg);
            dsg.abort();
        } finally {
            dsg.end();
        }
        assertTrue(before.isIsomorphicWith(snapshot()));
        assertEquals("2025-08-15T00:00:00", unchangedSince());
    }

    @Test
    void aFailedUpdateLeavesDataAndInferencesAsTheyWere() {
        Graph before = snapshot();
        assertThrows(IllegalStateException.class, () -> Txn.executeWrite(dsg, () -> {
            UpdateAction.parseExecute(REVISION, dsg);
            throw new IllegalStateException("the client's update fails halfway");
        }));
        assertTrue(before.isIsomorphicWith(snapshot()));
        // The next update still brings everything up to date.
        update(REVISION);
        assertEquals("2025-10-20T00:00:00", unchangedSince());
    }

    @Test
    void theInferredGraphCannotBeWritten() {
        Graph before = snapshot();
        String write = PREFIXES + """
            INSERT DATA { GRAPH <%s> { id:russia-position-on-ukraine dkg:unchangedSince "1999-01-01T00:00:00"^^xsd:dateTime } }"""
            .formatted(Graphs.INFERRED);
        assertThrows(ProtectedGraphException.class, () -> update(write));
        String delete = PREFIXES + "DELETE WHERE { GRAPH <%s> { ?s ?p ?o } }".formatted(Graphs.INFERRED);
        assertThrows(ProtectedGraphException.class, () -> update(delete));
        assertTrue(before.isIsomorphicWith(snapshot()));
    }

    @Test
    void anUpdateRerunsOnlyTheRulesWhoseInputsItTouched() {
        update(PREFIXES + "INSERT DATA { GRAPH %s { id:lavrov-rubio-call-2025-10-20 <http://www.w3.org/2000/01/rdf-schema#comment> \"note\" } }"
                          .formatted(SOURCE));
        assertEquals(List.of(), materialiser.lastReport().rulesRun(), "a comment is read by no rule");

        update(REVISION);
        List<String> rerun = materialiser.lastReport().rulesRun();
        assertTrue(rerun.contains(Rule.RULE_BASE + "position-continuity"), rerun::toString);
        assertFalse(rerun.contains(Rule.RULE_BASE + "counterpart"), rerun::toString);
        assertFalse(rerun.contains(Rule.RULE_BASE + "owl-transitive"), rerun::toString);
    }

    @Test
    void readersSeeDataAndInferencesOfOneCommit() throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        String check = PREFIXES + """
            SELECT ?since (EXISTS { id:statement-test-revision dkg:revises ?p } AS ?revised)
            WHERE { id:russia-position-on-ukraine dkg:unchangedSince ?since }""";
        Runnable reader = () -> {
            while ( !stop.get() ) {
                Txn.executeRead(dsg, () -> {
                    var rows = QueryExec.dataset(dsg).query(check).select().materialize();
                    if ( !rows.hasNext() ) {
                        problems.add("no continuity date");
                        return;
                    }
                    var row = rows.next();
                    boolean revised = Boolean.parseBoolean(row.get("revised").getLiteralLexicalForm());
                    String since = row.get("since").getLiteralLexicalForm();
                    String expected = revised ? "2025-10-20T00:00:00" : "2025-08-15T00:00:00";
                    if ( !since.equals(expected) || rows.hasNext() )
                        problems.add("revised=" + revised + " since=" + since);
                });
            }
        };
        List<Thread> readers = List.of(new Thread(reader), new Thread(reader));
        readers.forEach(Thread::start);
        try {
            for ( int i = 0; i < 10; i++ ) {
                update(REVISION);
                update(UNDO_REVISION);
            }
        } finally {
            stop.set(true);
            for ( Thread t : readers )
                t.join();
        }
        assertEquals(List.of(), List.copyOf(problems));
    }

    private void update(String update) {
        Txn.executeWrite(dsg, () -> UpdateAction.parseExecute(update, dsg));
    }

    private boolean ask(String query) {
        return Txn.calculateRead(dsg, () -> QueryExec.dataset(dsg).query(PREFIXES + query).ask());
    }

    private String unchangedSince() {
        return Txn.calculateRead(dsg, () -> {
            var rows = QueryExec.dataset(dsg).query(PREFIXES + """
                SELECT ?since { GRAPH <%s> { id:russia-position-on-ukraine dkg:unchangedSince ?since } }"""
                .formatted(Graphs.INFERRED)).select().materialize();
            String since = rows.next().get("since").getLiteralLexicalForm();
            assertFalse(rows.hasNext(), "one continuity date");
            return since;
        });
    }

    /** Every quad of the dataset, as triples tagged with their graph, to compare whole states. */
    private Graph snapshot() {
        return Txn.calculateRead(dsg, () -> {
            Graph all = GraphFactory.createGraphMem();
            // Blank nodes keep their identity within one store, so tagging objects with the graph is enough.
            dsg.find().forEachRemaining(q -> all.add(Triple.create(q.getSubject(), q.getPredicate(),
                NodeFactory.createLiteralString(q.getGraph() + " " + q.getObject()))));
            return all;
        });
    }
}
