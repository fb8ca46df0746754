package org.diplomacykg.reasoning.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.vocab.DKG;

/**
 * Since when a negotiating position has been unchanged, when it was last reaffirmed, and
 * what each reaffirmation compares it with, as reported and according to whom.
 * <p>
 * Statements reaffirm or revise a position; a reaffirmation may name a baseline it compares
 * the position with ("no point adjusted compared with what was discussed in Alaska"), an event
 * or a {@code dkg:ReferencePoint} ("the initial demands"). The latest revision resets the
 * record: only reaffirmations made on or after it count. Of those, the latest gives
 * {@code dkg:lastReaffirmed} (none after the revision, none given); the position is unchanged
 * since the earliest of them, or since a dated baseline they name that is later than the
 * revision, or, with none, since the revision itself. A baseline is a point of comparison in
 * the speaker's account, not a start date, so each baseline also gets a
 * {@code dkg:ContinuityAssessment}: the position, compared with that baseline, as of the latest
 * statement naming it, according to the agents of those statements, and hedged as they all
 * hedge it (one flat statement outweighs a hedged one). Every derivation rests on the
 * statements' {@code dkg:attributedTo} triples as well.
 * <p>
 * Statements are sorted by date, so their order in the data does not matter, and the work per
 * position is O(n log n). Undated statements say nothing about when and are left out. After a
 * change, only the positions it concerns are worked out again: those a changed statement
 * reaffirms or revises, and those of the statements naming a re-dated event.
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
        return "Since its latest revision, a negotiating position was last reaffirmed on the date of the latest reaffirmation, "
             + "is unchanged since the earliest reaffirmation (or a later baseline event it names), and is assessed unchanged "
             + "compared with each baseline named, as of the latest statement naming it, according to their speakers.";
    }

    @Override
    public Set<Node> inputs() {
        return Set.of(DKG.Nodes.reaffirms, DKG.Nodes.revises, DKG.Nodes.comparedWith, DKG.Nodes.date,
                      DKG.Nodes.attributedTo, DKG.Nodes.modality);
    }

    @Override
    public Set<Node> outputs() {
        return Set.of(DKG.Nodes.unchangedSince, DKG.Nodes.lastReaffirmed, RDF.Nodes.type, DKG.Nodes.assessedPosition,
                      DKG.Nodes.comparedWith, DKG.Nodes.asOf, DKG.Nodes.accordingTo, DKG.Nodes.modality,
                      DKG.Nodes.continuityAssessment);
    }

    /**
     * The latest revision, the latest and earliest reaffirmation since, the earliest baseline
     * and the latest statement naming one: the statements' links to the position, their dates
     * and their baselines. Its own {@code dkg:comparedWith} conclusions are of assessments, which
     * reaffirm nothing, so they never reach this read (see {@code Strata}). The speakers and
     * hedges are read monotonically: a hedge is kept where all statements carry it, and one
     * more hedge can only keep more.
     */
    @Override
    public Set<Node> nonMonotoneInputs() {
        return Set.of(DKG.Nodes.reaffirms, DKG.Nodes.revises, DKG.Nodes.date, DKG.Nodes.comparedWith);
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
        Node p = conclusion.getPredicate();
        if ( p.equals(DKG.Nodes.unchangedSince) || p.equals(DKG.Nodes.lastReaffirmed) || p.equals(DKG.Nodes.continuityAssessment) )
            positions.add(conclusion.getSubject());
        else
            objects(data, conclusion.getSubject(), DKG.Nodes.assessedPosition, positions);
    }

    /** A position is worked out from its own statements alone. */
    @Override
    boolean groupsStandAlone() {
        return true;
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
        int lastRevisionAt = -1;
        for ( int i = 0; i < expressions.size(); i++ )
            if ( expressions.get(i).revision() )
                lastRevisionAt = i;
        Expression lastRevision = lastRevisionAt < 0 ? null : expressions.get(lastRevisionAt);
        // What the record since the latest revision rests on besides its own statements: that revision.
        List<Triple> revisionPremises = lastRevision == null ? List.of() : withAttributions(data, lastRevision.statement(),
            List.of(lastRevision.link(), lastRevision.dateTriple()));
        List<Expression> current = expressions.subList(lastRevisionAt + 1, expressions.size());

        if ( !current.isEmpty() ) {
            Expression latest = current.get(current.size() - 1);
            out.accept(new Derivation(Triple.create(position, DKG.Nodes.lastReaffirmed, latest.date()), this,
                                      premises(data, latest, List.of(latest.link(), latest.dateTriple()), revisionPremises)));
        }
        deriveUnchangedSince(data, position, lastRevision, current, revisionPremises, out);
        deriveAssessments(data, position, current, revisionPremises, out);
    }

    private void deriveUnchangedSince(Graph data, Node position, Expression lastRevision, List<Expression> current,
                                      List<Triple> revisionPremises, Consumer<Derivation> out) {
        // Every reaffirmation that supports the earliest date gives its own derivation.
        Node since = null;
        List<List<Triple>> reasons = new ArrayList<>();
        for ( Expression e : current ) {
            Node candidate = e.date();
            List<Triple> why = List.of(e.link(), e.dateTriple());
            for ( Triple baseline : G.find(data, e.statement(), DKG.Nodes.comparedWith, Node.ANY).toList() ) {
                // A reference point (or an undated event) has no date, and does not move the record.
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
                reasons.add(premises(data, e, why, revisionPremises));
        }
        if ( since == null && lastRevision != null ) {
            since = lastRevision.date();
            reasons.add(revisionPremises);
        }
        if ( since == null )
            return;
        Triple conclusion = Triple.create(position, DKG.Nodes.unchangedSince, since);
        for ( List<Triple> why : reasons )
            out.accept(new Derivation(conclusion, this, why));
    }

    /**
     * One assessment per baseline named by the reaffirmations since the latest revision. Each
     * statement naming it supports the assessment, its speakers and, if it is the latest, its
     * date; the hedge rests on all of them, as it holds only if each carries it.
     */
    private void deriveAssessments(Graph data, Node position, List<Expression> current, List<Triple> revisionPremises,
                                   Consumer<Derivation> out) {
        if ( !position.isURI() )
            return;
        Map<Node, List<Expression>> byBaseline = new TreeMap<>(Comparator.comparing(Node::getURI));
        for ( Expression e : current )
            for ( Node baseline : G.listSP(data, e.statement(), DKG.Nodes.comparedWith) )
                if ( baseline.isURI() )
                    byBaseline.computeIfAbsent(baseline, k -> new ArrayList<>()).add(e);

        byBaseline.forEach((baseline, supporting) -> {
            Node c = NodeFactory.createURI(DKG.ID_BASE + "continuity-" + Statements.localName(position)
                                           + "-" + Statements.localName(baseline));
            Node asOf = supporting.get(supporting.size() - 1).date();
            Set<Node> hedges = null;
            List<Triple> allPremises = new ArrayList<>();
            for ( Expression e : supporting ) {
                Triple compared = Triple.create(e.statement(), DKG.Nodes.comparedWith, baseline);
                List<Triple> why = premises(data, e, List.of(e.link(), compared, e.dateTriple()), revisionPremises);
                List<Triple> conclusions = new ArrayList<>(List.of(
                    Triple.create(c, RDF.Nodes.type, DKG.Nodes.ContinuityAssessment),
                    Triple.create(c, DKG.Nodes.assessedPosition, position),
                    Triple.create(c, DKG.Nodes.comparedWith, baseline),
                    Triple.create(position, DKG.Nodes.continuityAssessment, c)));
                if ( Dates.compare(e.date(), asOf) == 0 )
                    conclusions.add(Triple.create(c, DKG.Nodes.asOf, asOf));
                for ( Triple a : Statements.attributions(data, e.statement()) )
                    conclusions.add(Triple.create(c, DKG.Nodes.accordingTo, a.getObject()));
                for ( Triple conclusion : conclusions )
                    out.accept(new Derivation(conclusion, this, why));

                Set<Node> mine = new LinkedHashSet<>();
                List<Triple> modalities = Statements.modalities(data, e.statement());
                modalities.forEach(t -> mine.add(t.getObject()));
                if ( hedges == null )
                    hedges = mine;
                else
                    hedges.retainAll(mine);
                allPremises.addAll(why);
                allPremises.addAll(modalities);
            }
            for ( Node hedge : hedges ) {
                List<Triple> why = allPremises.stream()
                    .filter(t -> !t.getPredicate().equals(DKG.Nodes.modality) || t.getObject().equals(hedge))
                    .distinct().toList();
                out.accept(new Derivation(Triple.create(c, DKG.Nodes.modality, hedge), this, why));
            }
        });
    }

    /** {@code own} with the statement's attributions, then what the latest revision adds. */
    private static List<Triple> premises(Graph data, Expression e, List<Triple> own, List<Triple> revisionPremises) {
        List<Triple> all = withAttributions(data, e.statement(), own);
        all.addAll(revisionPremises);
        return all;
    }

    private static List<Triple> withAttributions(Graph data, Node statement, List<Triple> own) {
        List<Triple> all = new ArrayList<>(own);
        all.addAll(Statements.attributions(data, statement));
        return all;
    }
}
