package org.diplomacykg.reasoning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.vocab.Graphs;

/**
 * Every derivation of an inferred triple, worked out on request over the data as it is now:
 * the explanations graph keeps one per inferred triple, and a reader who asks why may want the
 * others ({@code infer --explain}, the "why?" of a page, {@code /kg/explain}). Each rule that
 * concludes the triple's predicate runs backwards from it ({@link Rule#applyConcluding}), in time
 * proportional to what the triple concerns. Use inside a read transaction, one instance per
 * transaction.
 */
public final class Derivations {

    private final DatasetGraph dsg;
    private final List<Rule> rules;
    private final Graph data;
    private final ExplanationWriter explanations;

    /** Over {@code dsg} with the service's rules, compiled from its ontology graph. */
    public static Derivations standard(DatasetGraph dsg) {
        return new Derivations(dsg, StandardRules::fromOntology);
    }

    public Derivations(DatasetGraph dsg, Function<Graph, List<Rule>> rulesFromOntology) {
        this.dsg = dsg;
        this.rules = rulesFromOntology.apply(dsg.getGraph(Graphs.Nodes.ONTOLOGY));
        this.data = new Union(new AssertedGraph(dsg), dsg.getGraph(Graphs.Nodes.INFERRED));
        this.explanations = new ExplanationWriter(dsg);
    }

    /** Whether {@code t} is inferred: in the inferred graph (which holds nothing asserted). */
    public boolean isInferred(Triple t) {
        return dsg.contains(Graphs.Nodes.INFERRED, t.getSubject(), t.getPredicate(), t.getObject());
    }

    /**
     * Every derivation of {@code t}, the one the explanations graph holds first (the smallest
     * id), then by id; empty when {@code t} is not inferred.
     */
    public List<Derivation> of(Triple t) {
        if ( !isInferred(t) )
            return List.of();
        Set<Derivation> found = new LinkedHashSet<>();
        for ( Rule rule : Materialiser.concludersOf(rules, List.of(t)) ) {
            rule.applyConcluding(data, List.of(t), d -> {
                if ( d.conclusion().equals(t) )
                    found.add(d);
            });
        }
        List<Derivation> out = new ArrayList<>(found);
        out.sort(Comparator.comparing(explanations::id));
        return out;
    }

    /** The IRI naming {@code d}: the one it has in the explanations graph when it is written. */
    public Node iri(Derivation d) {
        return ExplanationWriter.node(explanations.id(d));
    }

    /** The rule's IRI as a node. */
    public static Node ruleNode(Derivation d) {
        return NodeFactory.createURI(d.rule().iri());
    }
}
