package org.diplomacykg.reasoning.domain;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.diplomacykg.reasoning.PatternRule;
import org.diplomacykg.vocab.DKG;

/**
 * A meeting that a cancellation calls off has the status cancelled. Its attributed reasons
 * follow from the ontology (dkg:cancellationReason, a property chain over the cancellation).
 */
public final class CancellationRule extends PatternRule {

    private static final Node CANCELLATION = var("cancellation");
    private static final Node MEETING = var("meeting");

    public CancellationRule() {
        super("cancellation", "cancelled meeting", "A meeting that a cancellation calls off has the status cancelled.",
              List.of(new Clause(List.of(Triple.create(CANCELLATION, DKG.Nodes.cancelledEvent, MEETING)),
                                 List.of(Triple.create(MEETING, DKG.Nodes.status, DKG.Nodes.Cancelled)),
                                 List.of())));
    }
}
