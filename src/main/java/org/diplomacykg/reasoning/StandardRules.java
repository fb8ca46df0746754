package org.diplomacykg.reasoning;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.diplomacykg.reasoning.domain.CancellationRule;
import org.diplomacykg.reasoning.domain.CounterpartRule;
import org.diplomacykg.reasoning.domain.DisagreementRule;
import org.diplomacykg.reasoning.domain.IncompatibilityRule;
import org.diplomacykg.reasoning.domain.PositionContinuityRule;
import org.diplomacykg.reasoning.domain.StateParticipationRule;
import org.diplomacykg.reasoning.owl.OwlRules;

/**
 * The service's rule set: the domain rules, then the OWL rules the ontology declares. Public
 * for the Jena-rule baseline ({@code bench/jena}), which writes the pattern rules among them
 * as Jena rules.
 */
public final class StandardRules {

    public static List<Rule> fromOntology(Graph ontology) {
        List<Rule> rules = new ArrayList<>(List.of(
            new PositionContinuityRule(),
            new CounterpartRule(),
            new StateParticipationRule(),
            new CancellationRule(),
            new DisagreementRule(),
            new IncompatibilityRule()));
        rules.addAll(OwlRules.fromOntology(ontology));
        return rules;
    }

    private StandardRules() {}
}
