package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.Test;

/**
 * queries/26-according-to-whom.rq over a small store where the agent is only reached through an
 * inferred premise: one rule concludes that a statement backs a position from its reaffirmation
 * and its dkg:attributedTo triple, a second concludes the position's date from that. The query
 * must find the agent two derivations away and the article whose graph holds the premises.
 */
class TestAccordingToWhom {

    private static final Node POSITION = DKG.Nodes.id("russia-position-on-ukraine");
    private static final Node STATEMENT = DKG.Nodes.id("statement-test");
    private static final Node AGENT = DKG.Nodes.id("sergey-lavrov");
    private static final Node OTHER_AGENT = DKG.Nodes.id("someone-else");
    private static final Node ARTICLE = DKG.Nodes.id("article-test");
    private static final Node GRAPH = NodeFactory.createURI(Graphs.SOURCE_BASE + "test");
    private static final Node ATTRIBUTED = DKG.Nodes.term("attributedTo");
    private static final Node BACKS = DKG.Nodes.term("testBacks");
    private static final Node SINCE = DKG.Nodes.term("unchangedSince");
    private static final Node DATE = NodeFactory.createLiteralDT("2025-08-15T00:00:00", XSDDatatype.XSDdateTime);

    /** x reaffirms p, x attributedTo a: x testBacks p. */
    private static final Rule BACKING = new TinyRule("test-backing", Set.of(DKG.Nodes.term("reaffirms"), ATTRIBUTED), BACKS) {
        public void apply(Graph data, Consumer<Derivation> out) {
            data.find(Node.ANY, DKG.Nodes.term("reaffirms"), Node.ANY).forEachRemaining(r ->
                data.find(r.getSubject(), ATTRIBUTED, Node.ANY).forEachRemaining(a -> out.accept(new Derivation(
                    Triple.create(r.getSubject(), BACKS, r.getObject()), this, List.of(r, a)))));
        }
    };

    /** x testBacks p: p unchangedSince the test date. */
    private static final Rule SINCE_RULE = new TinyRule("test-since", Set.of(BACKS), SINCE) {
        public void apply(Graph data, Consumer<Derivation> out) {
            data.find(Node.ANY, BACKS, Node.ANY).forEachRemaining(b -> out.accept(new Derivation(
                Triple.create(b.getObject(), SINCE, DATE), this, List.of(b))));
        }
    };

    @Test
    void findsTheAgentThroughAnInferredPremiseAndTheArticle() throws IOException {
        DatasetGraph dsg = Store.createUnionDataset().asDatasetGraph();
        Materialiser materialiser = new Materialiser(ontology -> List.of(BACKING, SINCE_RULE));
        Txn.executeWrite(dsg, () -> {
            dsg.add(GRAPH, STATEMENT, DKG.Nodes.term("reaffirms"), POSITION);
            dsg.add(GRAPH, STATEMENT, ATTRIBUTED, AGENT);
            dsg.add(GRAPH, GRAPH, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"), ARTICLE);
            dsg.add(GRAPH, AGENT, RDFS.Nodes.label, NodeFactory.createLiteralLang("Sergey Lavrov", "en"));
            dsg.add(GRAPH, OTHER_AGENT, RDFS.Nodes.label, NodeFactory.createLiteralLang("Someone else", "en"));
            // Attributed, but to nothing any derivation of the position rests on.
            dsg.add(GRAPH, DKG.Nodes.id("statement-unrelated"), ATTRIBUTED, OTHER_AGENT);
            materialiser.materialiseAll(dsg);
        });
        String query = Files.readString(Path.of("queries/26-according-to-whom.rq"));
        Set<String> agents = new TreeSet<>(), labels = new TreeSet<>(), articles = new TreeSet<>();
        Txn.executeRead(dsg, () -> QueryExec.dataset(dsg).query(query).select().forEachRemaining(row -> {
            if ( row.get("agent") != null )
                agents.add(row.get("agent").getURI());
            if ( row.get("agentLabel") != null )
                labels.add(row.get("agentLabel").getLiteralLexicalForm());
            if ( row.get("article") != null )
                articles.add(row.get("article").getURI());
        }));
        assertEquals(Set.of(AGENT.getURI()), agents);
        assertEquals(Set.of("Sergey Lavrov"), labels);
        assertEquals(Set.of(ARTICLE.getURI()), articles);
    }

    /** A rule of this test: apply over everything, the interface's defaults for the rest. */
    private abstract static class TinyRule implements Rule {
        private final String name;
        private final Set<Node> inputs;
        private final Node output;

        TinyRule(String name, Set<Node> inputs, Node output) {
            this.name = name;
            this.inputs = inputs;
            this.output = output;
        }

        public String iri() { return RULE_BASE + name; }
        public String label() { return name; }
        public String description() { return "a rule of TestAccordingToWhom"; }
        public Set<Node> inputs() { return inputs; }
        public Set<Node> outputs() { return Set.of(output); }
    }
}
