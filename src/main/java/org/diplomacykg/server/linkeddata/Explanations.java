package org.diplomacykg.server.linkeddata;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.reasoning.Derivations;
import org.diplomacykg.vocab.Graphs;

/**
 * Why an inferred triple holds: every derivation of it, with the rule that made it and the
 * premises it rests on in the rule's order, worked out on request ({@link Derivations}); the
 * explanations graph keeps only one of them. Call inside a read transaction.
 */
final class Explanations {

    /** One derivation: the rule's IRI and the premises. */
    record Derivation(Node rule, List<Triple> premises) {}

    private final DatasetGraph dataset;
    /** Built on first use: most pages show no inferred fact, and the rules are compiled from the ontology. */
    private Derivations derivations;

    Explanations(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** The derivations of {@code conclusion}, the one the explanations graph holds first; empty when it is not inferred. */
    List<Derivation> of(Triple conclusion) {
        if ( derivations == null )
            derivations = Derivations.standard(dataset);
        List<Derivation> out = new ArrayList<>();
        for ( org.diplomacykg.reasoning.Derivation d : derivations.of(conclusion) )
            out.add(new Derivation(Derivations.ruleNode(d), d.premises()));
        return out;
    }

    /** Whether {@code triple} is only inferred: in the inferred graph and in no asserted one. */
    boolean isInferredOnly(Triple triple) {
        boolean inferred = false;
        var quads = dataset.find(Node.ANY, triple.getSubject(), triple.getPredicate(), triple.getObject());
        while ( quads.hasNext() ) {
            Node graph = quads.next().getGraph();
            if ( Graphs.Nodes.INFERRED.equals(graph) )
                inferred = true;
            else if ( !Graphs.Nodes.EXPLANATIONS.equals(graph) )
                return false;
        }
        return inferred;
    }
}
