package org.diplomacykg.reasoning.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.domain.Tenures.Tenure;
import org.diplomacykg.vocab.DKG;

/**
 * Officials holding posts with the same role for different organisations at overlapping
 * times are counterparts, both ways. Tenures are grouped by role and swept in start-date
 * order, so the work is O(n log n) plus one step per overlapping pair. After a change, only
 * the changed tenures are paired again, with the tenures of their roles.
 */
public final class CounterpartRule extends GroupedRule {

    @Override
    public String iri() {
        return RULE_BASE + "counterpart";
    }

    @Override
    public String label() {
        return "counterparts";
    }

    @Override
    public String description() {
        return "Two officials are counterparts when they hold posts with the same role (such as head of foreign affairs) "
             + "for different states or organisations at overlapping times.";
    }

    @Override
    public Set<Node> inputs() {
        return Set.of(DKG.Nodes.holder, DKG.Nodes.post, DKG.Nodes.postIn, DKG.Nodes.role,
                      DKG.Nodes.startDate, DKG.Nodes.endDate);
    }

    @Override
    public Set<Node> outputs() {
        return Set.of(DKG.Nodes.counterpart);
    }

    /** A tenure without an end date is ongoing: one more end date can end an overlap. The rest only adds pairs. */
    @Override
    public Set<Node> nonMonotoneInputs() {
        return Set.of(DKG.Nodes.endDate);
    }

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        Map<Node, List<Tenure>> byRole = new HashMap<>();
        for ( Tenure t : Tenures.read(data).all() )
            for ( Node role : t.roles() )
                byRole.computeIfAbsent(role, k -> new ArrayList<>()).add(t);
        byRole.forEach((role, tenures) -> sweep(role, tenures, out));
    }

    // After a change the groups are tenures, not roles: a counterpart rests on two tenures
    // only, so a changed tenure is paired again with the tenures of its roles, and the rest
    // of the role (every other pair) stands. Sweeping the whole role made one changed tenure
    // cost as much as all the role's pairs.

    @Override
    void groupsChangedBy(Graph data, Triple changed, Set<Node> tenures) {
        tenures.addAll(Tenures.touchedBy(data, changed));
    }

    @Override
    void groupsConcluding(Graph data, Triple conclusion, Set<Node> tenures) {
        // Every pair deriving (a counterpart b) involves a tenure held by a.
        subjects(data, DKG.Nodes.holder, conclusion.getSubject(), tenures);
    }

    @Override
    void applyTo(Graph data, Set<Node> tenures, Consumer<Derivation> out) {
        Map<Node, List<Tenure>> byRole = new HashMap<>();
        for ( Node tenure : tenures ) {
            for ( Triple holds : G.find(data, tenure, DKG.Nodes.holder, Node.ANY).toList() ) {
                Tenure a = Tenures.tenure(data, holds);
                if ( a == null )
                    continue;
                for ( Node role : a.roles() )
                    for ( Tenure b : byRole.computeIfAbsent(role, r -> Tenures.withRole(data, r)) )
                        pair(role, a, b, out);
            }
        }
    }

    /** The derivations of one pair, with its tenures in sweep order so that they equal the sweep's. */
    private void pair(Node role, Tenure a, Tenure b, Consumer<Derivation> out) {
        if ( BY_START.compare(a, b) > 0 ) {
            pair(role, b, a, out);
            return;
        }
        if ( a.organisation().equals(b.organisation()) || a.holder().equals(b.holder()) || !a.overlaps(b) )
            return;
        derive(role, a, b, out);
    }

    /** By start date, ties broken by tenure and holder so that the premises' order never depends on the data's. */
    private static final Comparator<Tenure> BY_START = Comparator.comparing(Tenure::start, Dates.ORDER)
        .thenComparing(t -> t.tenure().toString())
        .thenComparing(t -> t.holder().toString());

    private void sweep(Node role, List<Tenure> tenures, Consumer<Derivation> out) {
        tenures.sort(BY_START);
        for ( int i = 0; i < tenures.size(); i++ ) {
            Tenure a = tenures.get(i);
            // Sorted by start: once a later tenure starts after a ends, none further can overlap a.
            for ( int j = i + 1; j < tenures.size(); j++ ) {
                Tenure b = tenures.get(j);
                if ( a.end() != null && Dates.compare(b.start(), a.end()) > 0 )
                    break;
                if ( a.organisation().equals(b.organisation()) || a.holder().equals(b.holder()) || !a.overlaps(b) )
                    continue;
                derive(role, a, b, out);
            }
        }
    }

    private void derive(Node role, Tenure a, Tenure b, Consumer<Derivation> out) {
        List<Triple> premises = new ArrayList<>(a.premises());
        premises.add(Triple.create(a.post(), DKG.Nodes.role, role));
        premises.addAll(b.premises());
        premises.add(Triple.create(b.post(), DKG.Nodes.role, role));
        out.accept(new Derivation(Triple.create(a.holder(), DKG.Nodes.counterpart, b.holder()), this, premises));
        out.accept(new Derivation(Triple.create(b.holder(), DKG.Nodes.counterpart, a.holder()), this, premises));
    }
}
