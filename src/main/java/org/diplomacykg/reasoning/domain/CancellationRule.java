package org.diplomacykg.reasoning.domain;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.vocab.DKG;

/**
 * A meeting that a cancellation calls off has the status cancelled. Its attributed reasons
 * follow from the ontology (dkg:cancellationReason, a property chain over the cancellation).
 */
public final class CancellationRule extends GroupedRule {

    @Override
    public String iri() {
        return RULE_BASE + "cancellation";
    }

    @Override
    public String label() {
        return "cancelled meeting";
    }

    @Override
    public String description() {
        return "A meeting that a cancellation calls off has the status cancelled.";
    }

    @Override
    public Set<Node> inputs() {
        return Set.of(DKG.Nodes.cancelledEvent);
    }

    @Override
    public Set<Node> outputs() {
        return Set.of(DKG.Nodes.status);
    }

    @Override
    void groupsChangedBy(Graph data, Triple changed, Set<Node> meetings) {
        meetings.add(changed.getObject());
    }

    @Override
    void groupsConcluding(Graph data, Triple conclusion, Set<Node> meetings) {
        meetings.add(conclusion.getSubject());
    }

    @Override
    void applyTo(Graph data, Set<Node> meetings, Consumer<Derivation> out) {
        for ( Node meeting : meetings ) {
            for ( Triple cancels : G.find(data, Node.ANY, DKG.Nodes.cancelledEvent, meeting).toList() )
                out.accept(new Derivation(Triple.create(meeting, DKG.Nodes.status, DKG.Nodes.Cancelled), this,
                                          List.of(cancels)));
        }
    }

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        data.find(Node.ANY, DKG.Nodes.cancelledEvent, Node.ANY).forEachRemaining(cancels ->
            out.accept(new Derivation(Triple.create(cancels.getObject(), DKG.Nodes.status, DKG.Nodes.Cancelled), this,
                                      List.of(cancels))));
    }
}
