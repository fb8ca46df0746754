package org.diplomacykg.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.store.ArticleTexts;
import org.diplomacykg.store.DatasetLoader;
import org.diplomacykg.store.EvidenceCheck;
import org.diplomacykg.store.ShaclGate;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small synthetic world (about 15,000 triples) with the project's own ontology and shapes: it
 * passes the SHACL gate, every evidence span is in its article's text once, and the reasoners
 * derive exactly the answers the generator computed on its own.
 */
class TestWorldGenerator {

    private static final long SIZE = 15_000;
    private static final long SEED = 7;

    private static DatasetGraph dsg;
    private static GeneratedWorld world;

    @BeforeAll
    static void generateLoadAndReason() {
        // Jena's in-memory dataset: the reasoners give the same answers on it as on TDB2, in half the time.
        dsg = DatasetGraphFactory.createTxnMem();
        Txn.executeWrite(dsg, () -> {
            DatasetLoader.loadFile(Path.of("ontology", "diplomacy.ttl"), dsg, Graphs.Nodes.ONTOLOGY);
            world = WorldGenerator.generate(SIZE, SEED, StreamRDFLib.dataset(dsg));
            Materialiser.standard().materialiseAll(dsg);
        });
    }

    @Test
    void theWorldIsAboutTheSizeAskedForAndSaysWhatItHas() {
        long sourceAndReference = Txn.calculateRead(dsg, () -> Iter.toList(dsg.listGraphNodes()).stream()
            .filter(g -> ArticleTexts.slugOf(g).isPresent() || g.equals(Graphs.Nodes.REFERENCE))
            .mapToLong(g -> dsg.getGraph(g).size()).sum());
        assertEquals(world.triples(), sourceAndReference, "every quad written is in an article or the reference graph");
        assertTrue(world.triples() >= SIZE && world.triples() < SIZE * 11 / 10, world.summary());
        assertTrue(world.articles() > 100 && world.statements() > 0 && world.meetings() > 0 && world.stances() > 0,
                   world.summary());
    }

    @Test
    void itPassesTheShaclGate() {
        // The triples the gate judges, copied into one graph: a union of hundreds of graphs makes every lookup of
        // the validator visit each of them, which takes minutes; the verdict is the same.
        Graph asserted = GraphFactory.createDefaultGraph();
        long ontology = Txn.calculateRead(dsg, () -> {
            GraphUtil.addInto(asserted, Store.assertedUnion(dsg));
            return (long) dsg.getGraph(Graphs.Nodes.ONTOLOGY).size();
        });
        assertEquals(world.triples() + ontology, asserted.size(), "ontology, reference and article triples, none twice");
        ShaclGate.fromFile(Path.of("ontology", "shapes.ttl")).check(asserted);
    }

    @Test
    void everySpanOccursOnceInItsArticlesText() {
        Txn.executeRead(dsg, () -> {
            int articles = 0;
            for ( Node g : Iter.toList(dsg.listGraphNodes()) ) {
                if ( ArticleTexts.slugOf(g).isEmpty() )
                    continue;
                articles++;
                assertTrue(ArticleTexts.slugOf(g).get().startsWith("synthetic-s" + SEED + "-"), g.getURI());
                String text = new ArticleTexts(null).textOf(dsg, g).orElseThrow();
                List<EvidenceCheck.Span> spans = EvidenceCheck.spans(dsg.getGraph(g));
                assertFalse(spans.isEmpty(), g.getURI());
                assertEquals(List.of(), EvidenceCheck.problems(text, spans), g.getURI());
            }
            assertEquals(world.articles(), articles);
        });
    }

    @Test
    void everyQuestionIsAnswered() {
        Set<String> questions = new HashSet<>();
        world.expected().forEach(a -> questions.add(a.question()));
        assertEquals(Set.of("unchanged-since", "last-reaffirmed", "counterpart", "involves-state", "cancelled", "disagreement"),
                     questions);
    }

    @Test
    void theReasonersDeriveEveryExpectedAnswer() {
        Txn.executeRead(dsg, () -> {
            Graph inferred = dsg.getGraph(Graphs.Nodes.INFERRED);
            List<String> missing = new ArrayList<>();
            for ( ExpectedAnswer answer : world.expected() )
                if ( !inferred.contains(answer.triple()) )
                    missing.add(answer.toTsv());
            assertEquals(List.of(), missing);
        });
    }

    @Test
    void theExpectedValuesAreAllTheValues() {
        Map<List<Node>, Set<Node>> bySubjectAndPredicate = new HashMap<>();
        Map<Node, Set<Node>> disagreementsByProposal = new HashMap<>();
        for ( ExpectedAnswer a : world.expected() ) {
            if ( !a.predicate().equals(RDF.Nodes.type) )
                bySubjectAndPredicate.computeIfAbsent(List.of(a.subject(), a.predicate()), k -> new HashSet<>()).add(a.object());
            if ( a.predicate().equals(DKG.Nodes.disagreementOn) )
                disagreementsByProposal.computeIfAbsent(a.object(), k -> new HashSet<>()).add(a.subject());
        }
        Txn.executeRead(dsg, () -> {
            Graph inferred = dsg.getGraph(Graphs.Nodes.INFERRED);
            bySubjectAndPredicate.forEach((sp, objects) -> assertEquals(objects,
                Set.copyOf(inferred.find(sp.get(0), sp.get(1), Node.ANY).mapWith(t -> t.getObject()).toList()),
                "values of " + sp));
            disagreementsByProposal.forEach((proposal, disagreements) -> assertEquals(disagreements,
                Set.copyOf(inferred.find(Node.ANY, DKG.Nodes.disagreementOn, proposal).mapWith(t -> t.getSubject()).toList()),
                "disagreements on " + proposal));
        });
        // The continuity answers are about positions with long and short histories alike.
        assertTrue(bySubjectAndPredicate.keySet().stream().filter(k -> k.get(1).equals(DKG.Nodes.unchangedSince)).count() >= 20);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherWorld() {
        byte[] first = nquads(5_000, 3);
        assertArrayEquals(first, nquads(5_000, 3));
        assertFalse(Arrays.equals(first, nquads(5_000, 4)));
    }

    @Test
    void theExpectedAnswersFileReadsBackAsWritten(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("world.trig.gz");
        GeneratedWorld written = WorldFile.write(3_000, 5, file);
        assertEquals(written.expected(), ExpectedAnswers.read(ExpectedAnswers.pathFor(file)));
        assertEquals(tmp.resolve("world.trig.gz.expected.tsv"), ExpectedAnswers.pathFor(file));
    }

    private static byte[] nquads(long size, long seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorldGenerator.generate(size, seed, StreamRDFWriter.getWriterStream(bytes, RDFFormat.NQUADS));
        return bytes.toByteArray();
    }
}
