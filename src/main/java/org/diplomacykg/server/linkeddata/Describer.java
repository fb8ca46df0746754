package org.diplomacykg.server.linkeddata;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * Reads the description of one thing from the dataset: its own triples, with the blank nodes
 * and evidence spans they lead to (so the quote is there); the triples that point at it,
 * with the blank nodes they come from and whoever owns those (an article is pointed at by the
 * selectors quoting it, each the evidence of something); and the {@code rdfs:label}s of every
 * resource that appears. The explanations graph is left out: it is about triples, not things
 * (a page shows why an inferred fact holds beside the fact).
 * <p>
 * Call inside a read transaction.
 */
final class Describer {

    private final DatasetGraph dataset;
    private final Set<Triple> asserted = new LinkedHashSet<>();
    private final Set<Triple> inferred = new LinkedHashSet<>();

    private Describer(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** The description of {@code thing}; empty when no graph but the explanations mentions it. */
    static Optional<Description> describe(DatasetGraph dataset, Node thing) {
        Describer describer = new Describer(dataset);
        describer.outbound(thing);
        describer.inbound(thing);
        if ( describer.asserted.isEmpty() && describer.inferred.isEmpty() )
            return Optional.empty();
        describer.labelsOfLinked(thing);
        return Optional.of(describer.build(thing));
    }

    /** The triples of {@code node}, and of the blank nodes and evidence spans they lead to, transitively. */
    private void outbound(Node node) {
        Deque<Node> pending = new ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        pending.add(node);
        while ( !pending.isEmpty() ) {
            Node subject = pending.poll();
            if ( !seen.add(subject) )
                continue;
            find(subject, Node.ANY, Node.ANY, triple -> {
                // Spans are named (docs/architecture.md): follow dkg:evidence to them so the quote is there.
                if ( triple.getObject().isBlank() || DKG.Nodes.evidence.equals(triple.getPredicate()) )
                    pending.add(triple.getObject());
            });
        }
    }

    /** The triples pointing at {@code node}; a blank subject brings its own triples and its owner's link to it. */
    private void inbound(Node node) {
        Set<Node> blanks = new LinkedHashSet<>();
        find(Node.ANY, Node.ANY, node, triple -> {
            if ( triple.getSubject().isBlank() )
                blanks.add(triple.getSubject());
        });
        for ( Node blank : blanks ) {
            outbound(blank);
            find(Node.ANY, Node.ANY, blank, triple -> {});
        }
    }

    /** The labels of every IRI other than {@code thing} that appears as a subject or object. */
    private void labelsOfLinked(Node thing) {
        Set<Node> linked = new LinkedHashSet<>();
        for ( Set<Triple> triples : List.of(asserted, inferred) ) {
            for ( Triple triple : triples ) {
                linked.add(triple.getSubject());
                linked.add(triple.getObject());
            }
        }
        linked.remove(thing);
        for ( Node node : linked ) {
            if ( node.isURI() )
                find(node, RDFS.Nodes.label, Node.ANY, triple -> {});
        }
    }

    /**
     * Adds each matching triple outside the explanations graph, by origin (one in the default
     * graph counts as asserted), and passes it on.
     */
    private void find(Node s, Node p, Node o, Consumer<Triple> then) {
        dataset.find(Node.ANY, s, p, o).forEachRemaining(quad -> {
            Node graph = quad.getGraph();
            if ( Graphs.Nodes.EXPLANATIONS.equals(graph) )
                return;
            Triple triple = quad.asTriple();
            if ( Graphs.Nodes.INFERRED.equals(graph) )
                inferred.add(triple);
            else
                asserted.add(triple);
            then.accept(triple);
        });
    }

    private Description build(Node thing) {
        Graph assertedGraph = GraphFactory.createGraphMem();
        Graph inferredGraph = GraphFactory.createGraphMem();
        asserted.forEach(assertedGraph::add);
        inferred.stream().filter(t -> !asserted.contains(t)).forEach(inferredGraph::add);
        return new Description(thing, assertedGraph, inferredGraph);
    }
}
