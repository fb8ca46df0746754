package org.diplomacykg.reasoning.domain;

import java.util.ArrayList;
import java.util.Comparator;
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
 * Two positions whose sequencing demands order the same two steps oppositely (Russia: a peace
 * agreement before a ceasefire; Ukraine: a ceasefire before a peace agreement) are incompatible:
 * neither can be met without giving up the other.
 * <p>
 * Each pair of positions gets one {@code dkg:Incompatibility}, {@code id/incompatibility-<a>-<b>}
 * named from the positions' slugs in sorted order, so the same premises always give the same IRI,
 * whichever side it is found from. It names the positions and the conflicting demands, the agents
 * of the statements the demands were expressed in ({@code dkg:accordingTo}), and the date from
 * which both demands were on record: the later of the two demands' earliest dated expressions,
 * the earliest such date over the pairs of conflicting demands. Where a demand has no dated
 * expression the pair gives no date: none is made up. Every derivation rests on the demands'
 * {@code dkg:expressedIn} triples and their statements' {@code dkg:attributedTo} triples.
 * <p>
 * A position's incompatibilities are all found from it, so after a change only the positions it
 * concerns are worked out again: the position whose demand changed, the positions holding a
 * demand whose steps or expressions changed, and those of the demands a changed statement expressed.
 */
public final class IncompatibilityRule extends GroupedRule {

    private static final Comparator<Node> BY_IRI = Comparator.comparing(Node::getURI);

    /** One sequencing demand of one position, with its steps in order. */
    private record Side(Node position, Node demand, Node first, Node later) {
        List<Triple> structure() {
            return List.of(Triple.create(position, DKG.Nodes.demand, demand),
                           Triple.create(demand, DKG.Nodes.firstStep, first),
                           Triple.create(demand, DKG.Nodes.laterStep, later));
        }
    }

    /** Two opposite demands, the side whose position sorts first as {@code a}, with what the pair rests on and its date. */
    private record Pair(Side a, Side b, List<Triple> premises, Node date, List<Triple> datePremises) {}

    @Override
    public String iri() {
        return RULE_BASE + "incompatibility";
    }

    @Override
    public String label() {
        return "incompatible positions";
    }

    @Override
    public String description() {
        return "Two negotiating positions whose sequencing demands put the same two steps in opposite order are "
             + "incompatible, according to those who expressed the demands, from the date both were on record.";
    }

    @Override
    public Set<Node> inputs() {
        return Set.of(DKG.Nodes.demand, DKG.Nodes.firstStep, DKG.Nodes.laterStep, DKG.Nodes.expressedIn,
                      DKG.Nodes.date, DKG.Nodes.attributedTo);
    }

    @Override
    public Set<Node> outputs() {
        return Set.of(DKG.Nodes.incompatibleWith, RDF.Nodes.type, DKG.Nodes.incompatiblePosition,
                      DKG.Nodes.conflictingDemand, DKG.Nodes.accordingTo, DKG.Nodes.incompatibleAsOf);
    }

    /**
     * The date both demands were on record is the earliest over the pairs of the later of the
     * two demands' earliest dated expressions: one more demand, step, expression or date can
     * make it earlier. The speakers only add.
     */
    @Override
    public Set<Node> nonMonotoneInputs() {
        return Set.of(DKG.Nodes.demand, DKG.Nodes.firstStep, DKG.Nodes.laterStep, DKG.Nodes.expressedIn, DKG.Nodes.date);
    }

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        Set<Node> positions = new LinkedHashSet<>();
        data.find(Node.ANY, DKG.Nodes.demand, Node.ANY).forEachRemaining(t -> positions.add(t.getSubject()));
        applyTo(data, positions, out);
    }

    @Override
    void groupsChangedBy(Graph data, Triple changed, Set<Node> positions) {
        Node p = changed.getPredicate();
        Node s = changed.getSubject();
        if ( p.equals(DKG.Nodes.demand) ) {
            positions.add(s);
        } else if ( p.equals(DKG.Nodes.firstStep) || p.equals(DKG.Nodes.laterStep) || p.equals(DKG.Nodes.expressedIn) ) {
            subjects(data, DKG.Nodes.demand, s, positions);
        } else {
            // A statement re-dated or re-attributed: the positions of the demands it expressed.
            Set<Node> demands = new LinkedHashSet<>();
            subjects(data, DKG.Nodes.expressedIn, s, demands);
            for ( Node demand : demands )
                subjects(data, DKG.Nodes.demand, demand, positions);
        }
    }

    @Override
    void groupsConcluding(Graph data, Triple conclusion, Set<Node> positions) {
        if ( conclusion.getPredicate().equals(DKG.Nodes.incompatibleWith) )
            positions.add(conclusion.getSubject());
        else
            objects(data, conclusion.getSubject(), DKG.Nodes.incompatiblePosition, positions);
    }

    /** A position's incompatibilities are found from it alone: from either side, an incompatibility is the same. */
    @Override
    boolean groupsStandAlone() {
        return true;
    }

    @Override
    void applyTo(Graph data, Set<Node> positions, Consumer<Derivation> out) {
        // Every incompatibility of the positions, by node: found from either position, it is the same.
        Map<Node, List<Pair>> byNode = new TreeMap<>(BY_IRI);
        for ( Node position : positions ) {
            if ( !position.isURI() )
                continue;
            for ( Side mine : sides(data, position) )
                for ( Side theirs : opposites(data, mine) ) {
                    boolean mineFirst = order(mine.position(), theirs.position()) < 0;
                    Pair pair = pair(data, mineFirst ? mine : theirs, mineFirst ? theirs : mine);
                    List<Pair> pairs = byNode.computeIfAbsent(node(pair), k -> new ArrayList<>());
                    if ( !pairs.contains(pair) )
                        pairs.add(pair);
                }
        }
        byNode.forEach((node, pairs) -> derive(node, pairs, out));
    }

    /** The sequencing demands of a position, one side per pair of distinct steps. */
    private static List<Side> sides(Graph data, Node position) {
        List<Side> sides = new ArrayList<>();
        for ( Node demand : G.listSP(data, position, DKG.Nodes.demand) )
            for ( Node first : G.listSP(data, demand, DKG.Nodes.firstStep) )
                for ( Node later : G.listSP(data, demand, DKG.Nodes.laterStep) )
                    if ( !first.equals(later) )
                        sides.add(new Side(position, demand, first, later));
        return sides;
    }

    /** The demands of other positions that put {@code side}'s two steps the other way round. */
    private static List<Side> opposites(Graph data, Side side) {
        List<Side> found = new ArrayList<>();
        for ( Node demand : G.listPO(data, DKG.Nodes.firstStep, side.later()) ) {
            if ( !data.contains(demand, DKG.Nodes.laterStep, side.first()) )
                continue;
            for ( Node position : G.listPO(data, DKG.Nodes.demand, demand) )
                if ( position.isURI() && !position.equals(side.position()) )
                    found.add(new Side(position, demand, side.later(), side.first()));
        }
        return found;
    }

    private static Pair pair(Graph data, Side a, Side b) {
        List<Triple> premises = new ArrayList<>(a.structure());
        premises.addAll(b.structure());
        premises.addAll(expressions(data, a.demand()));
        premises.addAll(expressions(data, b.demand()));
        Dated firstA = earliestDatedExpression(data, a.demand());
        Dated firstB = earliestDatedExpression(data, b.demand());
        if ( firstA == null || firstB == null )
            return new Pair(a, b, premises, null, List.of());
        Node date = Dates.compare(firstA.date(), firstB.date()) < 0 ? firstB.date() : firstA.date();
        List<Triple> datePremises = new ArrayList<>(premises);
        datePremises.add(firstA.dateTriple());
        datePremises.add(firstB.dateTriple());
        return new Pair(a, b, premises, date, datePremises);
    }

    /** The demand's {@code dkg:expressedIn} triples, each followed by its statement's attributions. */
    private static List<Triple> expressions(Graph data, Node demand) {
        List<Triple> triples = new ArrayList<>();
        for ( Node statement : G.listSP(data, demand, DKG.Nodes.expressedIn).stream().sorted(Comparator.comparing(Node::toString)).toList() ) {
            triples.add(Triple.create(demand, DKG.Nodes.expressedIn, statement));
            triples.addAll(Statements.attributions(data, statement));
        }
        return triples;
    }

    /** A statement a demand was expressed in, with its date. */
    private record Dated(Node statement, Node date) {
        Triple dateTriple() {
            return Triple.create(statement, DKG.Nodes.date, date);
        }
    }

    /** The demand's earliest dated expression (of two on one date, the first statement by IRI), or null. */
    private static Dated earliestDatedExpression(Graph data, Node demand) {
        Dated earliest = null;
        for ( Node statement : G.listSP(data, demand, DKG.Nodes.expressedIn) ) {
            Node date = G.getZeroOrOneSP(data, statement, DKG.Nodes.date);
            if ( !Dates.isDate(date) )
                continue;
            int order = earliest == null ? -1 : Dates.compare(date, earliest.date());
            if ( order < 0 || (order == 0 && statement.toString().compareTo(earliest.statement().toString()) < 0) )
                earliest = new Dated(statement, date);
        }
        return earliest;
    }

    private void derive(Node node, List<Pair> pairs, Consumer<Derivation> out) {
        Node asOf = null;
        for ( Pair pair : pairs )
            if ( pair.date() != null && (asOf == null || Dates.compare(pair.date(), asOf) < 0) )
                asOf = pair.date();
        for ( Pair pair : pairs ) {
            Node p1 = pair.a().position();
            Node p2 = pair.b().position();
            List<Triple> conclusions = new ArrayList<>(List.of(
                Triple.create(p1, DKG.Nodes.incompatibleWith, p2),
                Triple.create(p2, DKG.Nodes.incompatibleWith, p1),
                Triple.create(node, RDF.Nodes.type, DKG.Nodes.Incompatibility),
                Triple.create(node, DKG.Nodes.incompatiblePosition, p1),
                Triple.create(node, DKG.Nodes.incompatiblePosition, p2),
                Triple.create(node, DKG.Nodes.conflictingDemand, pair.a().demand()),
                Triple.create(node, DKG.Nodes.conflictingDemand, pair.b().demand())));
            for ( Triple t : pair.premises() )
                if ( t.getPredicate().equals(DKG.Nodes.attributedTo) )
                    conclusions.add(Triple.create(node, DKG.Nodes.accordingTo, t.getObject()));
            for ( Triple conclusion : conclusions.stream().distinct().toList() )
                out.accept(new Derivation(conclusion, this, pair.premises()));
            if ( asOf != null && pair.date() != null && Dates.compare(pair.date(), asOf) == 0 )
                out.accept(new Derivation(Triple.create(node, DKG.Nodes.incompatibleAsOf, asOf), this, pair.datePremises()));
        }
    }

    private static Node node(Pair pair) {
        return NodeFactory.createURI(DKG.ID_BASE + "incompatibility-" + Statements.localName(pair.a().position())
                                     + "-" + Statements.localName(pair.b().position()));
    }

    /** Positions in the order of their slugs, then of their IRIs. */
    private static int order(Node p1, Node p2) {
        int bySlug = Statements.localName(p1).compareTo(Statements.localName(p2));
        return bySlug != 0 ? bySlug : p1.getURI().compareTo(p2.getURI());
    }
}
