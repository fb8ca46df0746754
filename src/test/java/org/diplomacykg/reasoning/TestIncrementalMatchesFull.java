package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.DatasetLoader;
import org.diplomacykg.store.InferringDatasetGraph;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;

/**
 * Incremental maintenance gives exactly what a full run gives. From the project data, a
 * seeded random sequence of write transactions (deleting asserted triples, putting deleted
 * ones back, adding synthetic dated reaffirmations, revisions and tenures, deleting
 * statements' dates, removing rdf:type triples, adding and removing the same triple in one
 * transaction) is committed through the dataset wrapper; after every few, the inferred and
 * explanations graphs equal, triple for triple, those a fresh materialiser computes from a
 * copy of the asserted data.
 */
class TestIncrementalMatchesFull {

    private static final Node SYNTHETIC = Graphs.Nodes.sourceGraph("synthetic-incremental-test");
    private static final int STEPS = 240;
    /** Compared with a full run every this many steps (and after the last): a full run per step would take minutes. */
    private static final int COMPARE_EVERY = 3;

    @Test
    void everyUpdateLeavesWhatAFullRunWouldGive() {
        Materialiser materialiser = Materialiser.standard();
        DatasetGraph dsg = new InferringDatasetGraph(Store.createUnionDataset().asDatasetGraph(), materialiser);
        Txn.executeWrite(dsg, () -> DatasetLoader.load(new DataLayout(Path.of("ontology"), Path.of("data")), dsg));

        List<Quad> present = Txn.calculateRead(dsg, () -> assertedQuads(dsg));
        List<Node> positions = Txn.calculateRead(dsg, () -> objectsOf(dsg, DKG.Nodes.reaffirms));
        List<Node> posts = Txn.calculateRead(dsg, () -> objectsOf(dsg, DKG.Nodes.post));
        List<Node> holders = Txn.calculateRead(dsg, () -> objectsOf(dsg, DKG.Nodes.holder));
        List<Quad> deleted = new ArrayList<>();
        Random random = new Random(20251020L);
        int incremental = 0;
        int ruleCount = Txn.calculateRead(dsg, () -> StandardRules.fromOntology(dsg.getGraph(Graphs.Nodes.ONTOLOGY)).size());

        for ( int step = 0; step < STEPS; step++ ) {
            int n = step;
            List<String> done = new ArrayList<>();
            Txn.executeWrite(dsg, () -> {
                int ops = 1 + random.nextInt(3);
                for ( int i = 0; i < ops; i++ )
                    done.add(randomChange(dsg, random, n, present, deleted, positions, posts, holders));
            });
            if ( materialiser.lastReport().rulesRun().size() < ruleCount )
                incremental++;
            String what = "step " + step + ": " + done;
            if ( step % COMPARE_EVERY == 0 || step == STEPS - 1 )
                Txn.executeRead(dsg, () -> assertSameAsFullRun(dsg, what));
        }
        assertTrue(incremental > STEPS / 2, "most updates are incremental, not full runs: " + incremental);
    }

    private static String randomChange(DatasetGraph dsg, Random random, int step, List<Quad> present, List<Quad> deleted,
                                       List<Node> positions, List<Node> posts, List<Node> holders) {
        int kind = random.nextInt(100);
        if ( kind < 35 && !present.isEmpty() ) {
            Quad q = present.remove(random.nextInt(present.size()));
            dsg.delete(q);
            deleted.add(q);
            return "delete " + q;
        }
        if ( kind < 45 ) {
            Quad q = pick(random, present, RDF.Nodes.type);
            if ( q != null ) {
                present.remove(q);
                dsg.delete(q);
                deleted.add(q);
                return "delete type " + q;
            }
        }
        if ( kind < 65 && !deleted.isEmpty() ) {
            Quad q = deleted.remove(random.nextInt(deleted.size()));
            dsg.add(q);
            present.add(q);
            return "restore " + q;
        }
        if ( kind < 80 ) {
            Node statement = id("synthetic-statement-" + step + "-" + random.nextInt(1_000_000));
            Node position = positions.get(random.nextInt(positions.size()));
            Node link = random.nextBoolean() ? DKG.Nodes.reaffirms : DKG.Nodes.revises;
            add(dsg, present, statement, link, position);
            add(dsg, present, statement, DKG.Nodes.date, date(random));
            if ( random.nextInt(4) == 0 ) {
                Node event = id("synthetic-event-" + step + "-" + random.nextInt(1_000_000));
                add(dsg, present, event, DKG.Nodes.date, date(random));
                add(dsg, present, statement, DKG.Nodes.comparedWith, event);
            }
            return "statement " + statement + " " + link + " " + position;
        }
        if ( kind < 90 ) {
            Node tenure = id("synthetic-tenure-" + step + "-" + random.nextInt(1_000_000));
            add(dsg, present, tenure, DKG.Nodes.holder, holders.get(random.nextInt(holders.size())));
            add(dsg, present, tenure, DKG.Nodes.post, posts.get(random.nextInt(posts.size())));
            add(dsg, present, tenure, DKG.Nodes.startDate, date(random));
            return "tenure " + tenure;
        }
        if ( kind < 95 ) {
            Quad q = pick(random, present, DKG.Nodes.date);
            if ( q != null ) {
                present.remove(q);
                dsg.delete(q);
                deleted.add(q);
                return "delete date " + q;
            }
        }
        // Added and removed in the same transaction: no net change.
        Triple t = Triple.create(id("synthetic-fleeting-" + step), DKG.Nodes.reaffirms, positions.get(0));
        dsg.add(SYNTHETIC, t.getSubject(), t.getPredicate(), t.getObject());
        dsg.delete(SYNTHETIC, t.getSubject(), t.getPredicate(), t.getObject());
        return "fleeting " + t;
    }

    private static void add(DatasetGraph dsg, List<Quad> present, Node s, Node p, Node o) {
        Quad q = Quad.create(SYNTHETIC, s, p, o);
        dsg.add(q);
        present.add(q);
    }

    private static Quad pick(Random random, List<Quad> quads, Node predicate) {
        List<Quad> matching = quads.stream().filter(q -> q.getPredicate().equals(predicate)).toList();
        return matching.isEmpty() ? null : matching.get(random.nextInt(matching.size()));
    }

    private static Node date(Random random) {
        return NodeFactory.createLiteralDT("2025-%02d-%02dT00:00:00".formatted(1 + random.nextInt(12), 1 + random.nextInt(28)),
                                           XSDDatatype.XSDdateTime);
    }

    private static Node id(String slug) {
        return NodeFactory.createURI(DKG.ID_BASE + slug);
    }

    private static List<Quad> assertedQuads(DatasetGraph dsg) {
        List<Quad> quads = new ArrayList<>();
        dsg.find().forEachRemaining(q -> {
            if ( !AssertedGraph.isDerived(q.getGraph()) && !Graphs.Nodes.ONTOLOGY.equals(q.getGraph()) )
                quads.add(q);
        });
        return quads;
    }

    private static List<Node> objectsOf(DatasetGraph dsg, Node predicate) {
        Set<Node> nodes = new HashSet<>();
        dsg.find(Node.ANY, Node.ANY, predicate, Node.ANY).forEachRemaining(q -> nodes.add(q.getObject()));
        return nodes.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
    }

    private static void assertSameAsFullRun(DatasetGraph dsg, String what) {
        DatasetGraph copy = Store.createUnionDataset().asDatasetGraph();
        Txn.executeWrite(copy, () -> {
            dsg.find().forEachRemaining(q -> {
                if ( !AssertedGraph.isDerived(q.getGraph()) )
                    copy.add(q);
            });
            Materialiser.standard().materialiseAll(copy);
        });
        Txn.executeRead(copy, () -> {
            for ( Node g : List.of(Graphs.Nodes.INFERRED, Graphs.Nodes.EXPLANATIONS) ) {
                Set<Triple> expected = new HashSet<>(copy.getGraph(g).find().toList());
                Set<Triple> actual = new HashSet<>(dsg.getGraph(g).find().toList());
                if ( !expected.equals(actual) ) {
                    Set<Triple> missing = new HashSet<>(expected);
                    missing.removeAll(actual);
                    Set<Triple> extra = new HashSet<>(actual);
                    extra.removeAll(expected);
                    assertEquals(Set.of(), missing, what + ": missing from " + g + " (extra: " + extra + ")");
                    assertEquals(Set.of(), extra, what + ": extra in " + g);
                }
            }
        });
    }
}
