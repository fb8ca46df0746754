package org.diplomacykg.reasoning.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.vocab.DKG;

/**
 * Since when a negotiating position has been unchanged, and when it was last reaffirmed.
 * <p>
 * Statements reaffirm or revise a position; a reaffirmation may name an earlier event it
 * is unchanged against ("compared with what was discussed in Alaska"). The latest revision
 * resets the record: the position is unchanged since the earliest of the reaffirmations
 * made on or after it, or since a baseline event they name that is later than it; with no
 * reaffirmation after it, since the revision itself. Statements are sorted by date, so
 * their order in the data does not matter, and the work per position is O(n log n).
 * Undated statements say nothing about when and are left out.
 * <p>
 * After a change, only the positions it concerns are worked out again: those a changed
 * statement reaffirms or revises, and those of the statements naming a re-dated event.
 */
public final class PositionContinuityRule extends GroupedRule {

    private record Expression(Node statement, Triple link, Node date, boolean revision) {
        Triple dateTriple() {
            return Triple.create(statement, DKG.Nodes.date, date);
        }
    }

    @Override
    public String iri() {
        return RULE_BASE + "position-continuity";
    }

    @Override
    public String label() {
        return "position continuity";
    }

    @Override
    public String description() {
        return "A negotiating position is unchanged since the earliest reaffirmation (or the baseline event it names) "
             + "after its latest revision, and was last reaffirmed on the date of its latest reaffirmation.";
    }

    @Override
    public Set<Node> inputs() {
        return Set.of(DKG.Nodes.reaffirms, DKG.Nodes.revises, DKG.Nodes.comparedWith, DKG.Nodes.date);
    }

    @Override
    public Set<Node> outputs() {
        return Set.of(DKG.Nodes.unchangedSince, DKG.Nodes.lastReaffirmed);
    }

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        Map<Node, List<Expression>> byPosition = new HashMap<>();
        collect(data, DKG.Nodes.reaffirms, false, byPosition);
        collect(data, DKG.Nodes.revises, true, byPosition);
        byPosition.forEach((position, expressions) -> derive(data, position, expressions, out));
    }

    @Override
    void groupsChangedBy(Graph data, Triple changed, Set<Node> positions) {
        Node p = changed.getPredicate();
        Node s = changed.getSubject();
        if ( p.equals(DKG.Nodes.reaffirms) || p.equals(DKG.Nodes.revises) ) {
            positions.add(changed.getObject());
            return;
        }
        positionsOf(data, s, positions);
        if ( p.equals(DKG.Nodes.date) ) {
            // A re-dated event moves the baseline of the statements that name it.
            Set<Node> naming = new LinkedHashSet<>();
            subjects(data, DKG.Nodes.comparedWith, s, naming);
            for ( Node statement : naming )
                positionsOf(data, statement, positions);
        }
    }

    @Override
    void groupsConcluding(Graph data, Triple conclusion, Set<Node> positions) {
        positions.add(conclusion.getSubject());
    }

    @Override
    void applyTo(Graph data, Set<Node> positions, Consumer<Derivation> out) {
        for ( Node position : positions ) {
            List<Expression> expressions = new ArrayList<>();
            collect(data, position, DKG.Nodes.reaffirms, false, expressions);
            collect(data, position, DKG.Nodes.revises, true, expressions);
            derive(data, position, expressions, out);
        }
    }

    private static void positionsOf(Graph data, Node statement, Set<Node> positions) {
        objects(data, statement, DKG.Nodes.reaffirms, positions);
        objects(data, statement, DKG.Nodes.revises, positions);
    }

    private static void collect(Graph data, Node position, Node predicate, boolean revision, List<Expression> into) {
        for ( Triple link : G.find(data, Node.ANY, predicate, position).toList() ) {
            Node date = G.getZeroOrOneSP(data, link.getSubject(), DKG.Nodes.date);
            if ( Dates.isDate(date) )
                into.add(new Expression(link.getSubject(), link, date, revision));
        }
    }

    private static void collect(Graph data, Node predicate, boolean revision, Map<Node, List<Expression>> byPosition) {
        data.find(Node.ANY, predicate, Node.ANY).forEachRemaining(link -> {
            Node date = G.getZeroOrOneSP(data, link.getSubject(), DKG.Nodes.date);
            if ( Dates.isDate(date) )
                byPosition.computeIfAbsent(link.getObject(), k -> new ArrayList<>())
                          .add(new Expression(link.getSubject(), link, date, revision));
        });
    }

    private void derive(Graph data, Node position, List<Expression> expressions, Consumer<Derivation> out) {
        // Ties on the date: a revision first, so a same-day reaffirmation counts as after it.
        expressions.sort(Comparator.comparing(Expression::date, Dates.ORDER)
                                   .thenComparing(e -> !e.revision())
                                   .thenComparing(e -> e.statement().toString()));
        Expression lastRevision = null;
        Expression lastReaffirmation = null;
        for ( Expression e : expressions ) {
            if ( e.revision() )
                lastRevision = e;
            else
                lastReaffirmation = e;
        }
        if ( lastReaffirmation != null )
            out.accept(new Derivation(Triple.create(position, DKG.Nodes.lastReaffirmed, lastReaffirmation.date()), this,
                                      List.of(lastReaffirmation.link(), lastReaffirmation.dateTriple())));

        // Every reaffirmation that supports the earliest date gives its own derivation.
        Node since = null;
        List<List<Triple>> reasons = new ArrayList<>();
        boolean afterRevision = lastRevision == null;
        for ( Expression e : expressions ) {
            if ( e == lastRevision ) {
                afterRevision = true;
                continue;
            }
            if ( !afterRevision || e.revision() )
                continue;
            Node candidate = e.date();
            List<Triple> why = List.of(e.link(), e.dateTriple());
            for ( Triple baseline : G.find(data, e.statement(), DKG.Nodes.comparedWith, Node.ANY).toList() ) {
                Node eventDate = G.getZeroOrOneSP(data, baseline.getObject(), DKG.Nodes.date);
                boolean usable = Dates.isDate(eventDate) && Dates.compare(eventDate, candidate) < 0
                                 && (lastRevision == null || Dates.compare(lastRevision.date(), eventDate) < 0);
                if ( usable ) {
                    candidate = eventDate;
                    why = List.of(e.link(), baseline, Triple.create(baseline.getObject(), DKG.Nodes.date, eventDate));
                }
            }
            int order = since == null ? -1 : Dates.compare(candidate, since);
            if ( order < 0 ) {
                since = candidate;
                reasons.clear();
            }
            if ( order <= 0 )
                reasons.add(why);
        }
        if ( since == null && lastRevision != null ) {
            since = lastRevision.date();
            reasons.add(List.of());
        }
        if ( since == null )
            return;
        Triple conclusion = Triple.create(position, DKG.Nodes.unchangedSince, since);
        for ( List<Triple> why : reasons ) {
            List<Triple> premises = new ArrayList<>(why);
            if ( lastRevision != null ) {
                premises.add(lastRevision.link());
                premises.add(lastRevision.dateTriple());
            }
            out.accept(new Derivation(conclusion, this, premises));
        }
    }
}
