package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's SPARQL default graph holds facts only, and the explanations graph, written with
 * RDF 1.2 triple terms, is queried with GRAPH: triple terms stored in TDB2 quads, property
 * paths that reach them, and SPARQL's triple-term functions, as the README's queries use them.
 */
class TestFactsDefaultGraph {

    private static final String NS = "http://example.org/";
    private static final String PREFIXES = "PREFIX : <" + NS + ">\nPREFIX dkg: <" + DKG.NS + ">\n";
    private static final Node ARTICLE = NodeFactory.createURI(Graphs.SOURCE_BASE + "a");
    private static final Node EXPL = Graphs.Nodes.EXPLANATIONS;

    private DatasetGraph dsg;

    private static Node n(String local) {
        return NodeFactory.createURI(NS + local);
    }

    private static Node term(Node s, Node p, Node o) {
        return NodeFactory.createTripleTerm(s, p, o);
    }

    @BeforeEach
    void fill() {
        Dataset dataset = Store.createUnionDataset();
        dsg = dataset.asDatasetGraph();
        Node attributed = DKG.Nodes.term("attributedTo");
        Txn.executeWrite(dsg, () -> {
            // Asserted: statement st (by lavrov) reaffirms pos; inferred: pos unchanged, and from that pos stable.
            dsg.add(ARTICLE, n("st"), n("reaffirms"), n("pos"));
            dsg.add(ARTICLE, n("st"), attributed, n("lavrov"));
            dsg.add(Graphs.Nodes.INFERRED, n("pos"), n("unchanged"), n("yes"));
            dsg.add(Graphs.Nodes.INFERRED, n("pos"), n("stable"), n("yes"));
            // Derivation d1: pos unchanged yes <- st reaffirms pos, st attributedTo lavrov.
            dsg.add(EXPL, n("d1"), DKG.Nodes.conclusion, term(n("pos"), n("unchanged"), n("yes")));
            dsg.add(EXPL, n("d1"), DKG.Nodes.premise, term(n("st"), n("reaffirms"), n("pos")));
            dsg.add(EXPL, n("d1"), DKG.Nodes.premise, term(n("st"), attributed, n("lavrov")));
            // Derivation d2: pos stable yes <- pos unchanged yes (inferred).
            dsg.add(EXPL, n("d2"), DKG.Nodes.conclusion, term(n("pos"), n("stable"), n("yes")));
            dsg.add(EXPL, n("d2"), DKG.Nodes.premise, term(n("pos"), n("unchanged"), n("yes")));
        });
    }

    private List<String> select(String query, String var) {
        List<String> out = new ArrayList<>();
        Txn.executeRead(dsg, () -> QueryExec.dataset(dsg).query(PREFIXES + query).select()
            .forEachRemaining(row -> out.add(row.get(var) == null ? "" : row.get(var).toString())));
        return out;
    }

    @Test
    void theDefaultGraphHoldsTheAssertedAndInferredTriplesOnly() {
        assertEquals(List.of("4"), select("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "n").stream()
            .map(s -> s.replaceAll("\\^\\^.*", "").replace("\"", "")).toList());
        assertEquals(List.of(), select("SELECT ?d { ?d dkg:conclusion ?c }", "d"));
        assertEquals(List.of(), select("SELECT ?d { ?d dkg:premise+ ?c }", "d"), "a path over the default graph");
        assertEquals(List.of(), select("SELECT ?d { ?d dkg:conclusion ?c FILTER(isTRIPLE(?c)) }", "d"),
                     "a filtered pattern over the default graph");
    }

    @Test
    void theExplanationsGraphIsReachedWithGraph() {
        assertEquals(List.of(NS + "d1"), select("SELECT ?d { GRAPH <" + Graphs.EXPLANATIONS + "> "
            + "{ ?d dkg:conclusion <<( :pos :unchanged :yes )>> } }", "d"));
        Set<String> graphs = new TreeSet<>(select("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", "g"));
        assertTrue(graphs.contains(Graphs.EXPLANATIONS), graphs.toString());
    }

    @Test
    void aPathThroughInferredPremisesReachesTheAttributionsWithTripleTermFunctions() {
        String query = """
            SELECT DISTINCT ?agent ?g {
              GRAPH <%s> {
                ?d dkg:conclusion <<( :pos :stable :yes )>> ; (dkg:premise/^dkg:conclusion)*/dkg:premise ?t
              }
              FILTER(isTRIPLE(?t) && PREDICATE(?t) = dkg:attributedTo)
              BIND(OBJECT(?t) AS ?agent)
              BIND(SUBJECT(?t) AS ?st)
              GRAPH ?g { ?st dkg:attributedTo ?agent }
            }""".formatted(Graphs.EXPLANATIONS);
        assertEquals(List.of(NS + "lavrov"), select(query, "agent"));
        assertEquals(List.of(ARTICLE.getURI()), select(query, "g"));
    }

    @Test
    void theViewIsTheDefaultGraphAsAJenaGraph() {
        Txn.executeRead(dsg, () -> {
            assertEquals(4, FactsDefaultGraph.view(dsg).size());
            assertTrue(FactsDefaultGraph.view(dsg).contains(Triple.create(n("pos"), n("stable"), n("yes"))));
            assertTrue(!FactsDefaultGraph.view(dsg).contains(Node.ANY, DKG.Nodes.conclusion, Node.ANY));
        });
    }

    /**
     * Pins the TDB2 behaviour the view relies on to drop duplicates without a set: the quads of one
     * triple in several graphs come out of a graph-open find next to each other, whichever of
     * subject, predicate and object is given. A TDB2 that picks another index for such a find
     * would give a triple once per graph; this fails then.
     */
    @Test
    void aTripleInSeveralGraphsIsOneTripleOfTheView() {
        Node other = NodeFactory.createURI(Graphs.SOURCE_BASE + "b");
        Txn.executeWrite(dsg, () -> {
            dsg.add(other, n("st"), n("reaffirms"), n("pos"));
            dsg.add(Graphs.Nodes.INFERRED, n("st"), n("reaffirms"), n("pos"));
            dsg.add(other, n("aaa"), n("reaffirms"), n("zzz"));
        });
        Txn.executeRead(dsg, () -> {
            assertEquals(5, FactsDefaultGraph.view(dsg).size());
            for ( Triple pattern : List.of(Triple.ANY, Triple.create(n("st"), Node.ANY, Node.ANY),
                                           Triple.create(Node.ANY, n("reaffirms"), Node.ANY),
                                           Triple.create(Node.ANY, Node.ANY, n("pos")),
                                           Triple.create(n("st"), n("reaffirms"), Node.ANY)) ) {
                List<Triple> found = FactsDefaultGraph.view(dsg).find(pattern).toList();
                assertEquals(Set.copyOf(found).size(), found.size(), () -> pattern + ": " + found);
                assertTrue(found.contains(Triple.create(n("st"), n("reaffirms"), n("pos"))), () -> pattern + ": " + found);
            }
        });
    }
}
