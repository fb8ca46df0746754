package org.diplomacykg.reasoning.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.domain.Tenures.Tenure;
import org.diplomacykg.vocab.DKG;

/**
 * Officials holding posts with the same role for different organisations at overlapping
 * times are counterparts, both ways. Tenures are grouped by role and swept in start-date
 * order, so the work is O(n log n) plus one step per overlapping pair. After a change, only
 * the roles of the posts whose tenures changed are swept again.
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

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        Map<Node, List<Tenure>> byRole = new HashMap<>();
        for ( Tenure t : Tenures.read(data).all() )
            for ( Node role : t.roles() )
                byRole.computeIfAbsent(role, k -> new ArrayList<>()).add(t);
        byRole.forEach((role, tenures) -> sweep(role, tenures, out));
    }

    @Override
    void groupsChangedBy(Graph data, Triple changed, Set<Node> roles) {
        if ( changed.getPredicate().equals(DKG.Nodes.role) )
            roles.add(changed.getObject());
        if ( changed.getPredicate().equals(DKG.Nodes.postIn) || changed.getPredicate().equals(DKG.Nodes.role) )
            objects(data, changed.getSubject(), DKG.Nodes.role, roles);
        for ( Node tenure : Tenures.touchedBy(data, changed) )
            rolesOfTenure(data, tenure, roles);
        if ( changed.getPredicate().equals(DKG.Nodes.post) )
            objects(data, changed.getObject(), DKG.Nodes.role, roles);
    }

    @Override
    void groupsConcluding(Graph data, Triple conclusion, Set<Node> roles) {
        Set<Node> tenures = new LinkedHashSet<>();
        subjects(data, DKG.Nodes.holder, conclusion.getSubject(), tenures);
        for ( Node tenure : tenures )
            rolesOfTenure(data, tenure, roles);
    }

    @Override
    void applyTo(Graph data, Set<Node> roles, Consumer<Derivation> out) {
        for ( Node role : roles )
            sweep(role, Tenures.withRole(data, role), out);
    }

    private static void rolesOfTenure(Graph data, Node tenure, Set<Node> roles) {
        Set<Node> posts = new LinkedHashSet<>();
        objects(data, tenure, DKG.Nodes.post, posts);
        for ( Node post : posts )
            objects(data, post, DKG.Nodes.role, roles);
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
                List<Triple> premises = new ArrayList<>(a.premises());
                premises.add(Triple.create(a.post(), DKG.Nodes.role, role));
                premises.addAll(b.premises());
                premises.add(Triple.create(b.post(), DKG.Nodes.role, role));
                out.accept(new Derivation(Triple.create(a.holder(), DKG.Nodes.counterpart, b.holder()), this, premises));
                out.accept(new Derivation(Triple.create(b.holder(), DKG.Nodes.counterpart, a.holder()), this, premises));
            }
        }
    }
}
