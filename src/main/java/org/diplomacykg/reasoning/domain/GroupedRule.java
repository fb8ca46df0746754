package org.diplomacykg.reasoning.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.Rule;
import org.diplomacykg.reasoning.UpdateGraph;

/**
 * A domain rule whose derivations fall into groups (a position, a role, a meeting, a
 * proposal) that it works out whole: what the latest revision or the earliest rejection is
 * depends on every statement of the group, not only on a derivation's premises. After a
 * change it recomputes only the groups the changed triples lead to, found by lookups from
 * them, so the work is that of the groups touched rather than of the data.
 */
abstract class GroupedRule implements Rule {

    /** Adds to {@code groups} the groups whose derivations {@code changed} may alter, looked up in {@code data}. */
    abstract void groupsChangedBy(Graph data, Triple changed, Set<Node> groups);

    /** Adds to {@code groups} the groups that may derive {@code conclusion}. */
    abstract void groupsConcluding(Graph data, Triple conclusion, Set<Node> groups);

    /** Every derivation of the given groups, as {@link #apply} would give them. */
    abstract void applyTo(Graph data, Set<Node> groups, Consumer<Derivation> out);

    @Override
    public final void applyChanged(Graph data, Collection<Triple> changed, Consumer<Derivation> out) {
        Set<Node> groups = new LinkedHashSet<>();
        for ( Triple t : changed ) {
            if ( inputs().contains(t.getPredicate()) )
                groupsChangedBy(data, t, groups);
        }
        applyToEach(data, groups, out);
    }

    @Override
    public final void applyConcluding(Graph data, Collection<Triple> conclusions, Consumer<Derivation> out) {
        Set<Node> groups = new LinkedHashSet<>();
        for ( Triple c : conclusions ) {
            if ( outputs().contains(c.getPredicate()) )
                groupsConcluding(data, c, groups);
        }
        applyToEach(data, groups, out);
    }

    /**
     * Whether {@link #applyTo} costs no more one group at a time than for several at once (it
     * shares no lookup between groups, as the tenures of a role), so that an update may remember
     * each group's derivations apart ({@link UpdateGraph}).
     */
    boolean groupsStandAlone() {
        return false;
    }

    /**
     * {@link #applyTo}, one group at a time where an update remembers groups: a group's
     * derivations never depend on the other groups asked for with it.
     */
    private void applyToEach(Graph data, Set<Node> groups, Consumer<Derivation> out) {
        if ( groups.isEmpty() )
            return;
        if ( !(data instanceof UpdateGraph update) || !groupsStandAlone() ) {
            applyTo(data, groups, out);
            return;
        }
        for ( Node group : groups )
            update.derivations(this, group, (reads, found) -> applyTo(reads, Set.of(group), found), out);
    }

    /** The objects of the triples matching (s, p, ANY), added to {@code into}. */
    static void objects(Graph data, Node s, Node p, Set<Node> into) {
        data.find(s, p, Node.ANY).forEachRemaining(t -> into.add(t.getObject()));
    }

    /** The subjects of the triples matching (ANY, p, o), added to {@code into}. */
    static void subjects(Graph data, Node p, Node o, Set<Node> into) {
        data.find(Node.ANY, p, o).forEachRemaining(t -> into.add(t.getSubject()));
    }
}
