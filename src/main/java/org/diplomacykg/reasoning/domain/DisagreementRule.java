package org.diplomacykg.reasoning.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.domain.Tenures.Tenure;
import org.diplomacykg.vocab.DKG;

/**
 * A dated rejection of a proposal by one state (or an official acting for it), against
 * support for the same proposal by another state (or an official acting for it), is a
 * disagreement between the two states on that proposal, dated by the earliest such rejection. Support
 * the source leaves undated ("recently") is taken as standing at the rejection's date, so
 * the supporter's state is the one they served on that day.
 * <p>
 * The disagreement is a new resource, {@code id/disagreement-<state>-<state>-<proposal>},
 * named from the slugs so the same premises always give the same IRI. Its derivations rest on
 * the statements the stances were expressed in and their attributions, so that it can be asked
 * according to whom. Of rejections on the
 * same date, the one whose premises read first wins, so the choice never depends on the
 * order of the data. After a change, only the proposals it concerns are worked out again.
 */
public final class DisagreementRule extends GroupedRule {

    private record Side(Node stance, Node state, List<Triple> premises) {}

    private record Disagreement(Node node, Node rejecting, Node supporting, Node proposal, Node date,
                                List<Triple> premises) {}

    @Override
    public String iri() {
        return RULE_BASE + "disagreement";
    }

    @Override
    public String label() {
        return "disagreement between states";
    }

    @Override
    public String description() {
        return "When one state rejects a proposal on a date and another state, or an official acting for it, "
             + "supports the same proposal, the two states disagree on it from that date.";
    }

    @Override
    public Set<Node> inputs() {
        return Set.of(RDF.Nodes.type, DKG.Nodes.stanceHolder, DKG.Nodes.stanceOn, DKG.Nodes.date,
                      DKG.Nodes.holder, DKG.Nodes.post, DKG.Nodes.postIn, DKG.Nodes.startDate, DKG.Nodes.endDate,
                      DKG.Nodes.expressedIn, DKG.Nodes.attributedTo);
    }

    @Override
    public Set<Node> outputs() {
        return Set.of(RDF.Nodes.type, DKG.Nodes.disagreeingParty, DKG.Nodes.disagreementOn, DKG.Nodes.disagreementDate);
    }

    /**
     * The earliest rejection: whatever makes a dated rejection count for a state (its proposal,
     * holder and date, and the tenures through which an official acts for a state, where an
     * absent end date means ongoing) or dates an undated support at the rejection's date, and
     * what breaks a tie between rejections of one date (their statements and speakers).
     * <p>
     * Not {@code rdf:type}, though the earliest rejection depends on which stances are typed
     * rejections: the OWL rules read and conclude types, and so does this rule
     * ({@code dkg:Disagreement}), so at the granularity of predicates that would be a cycle. With
     * the ontology as it is no axiom concludes {@code dkg:Rejection} or {@code dkg:Support}, and a
     * state typed by inference ({@code dkg:territoryOf} has the range {@code dkg:State}) names a
     * disagreement of its own, worked out whole when its type arrives. A sub-class of
     * {@code dkg:Rejection} would break that: this read, and any rule's read of the absence or
     * the earliest of a type, would then need rules to declare their typed reads and conclusions
     * by class, and {@code Strata} to tell {@code rdf:type} triples apart by class, as the Jena
     * baseline's stratification check does.
     */
    @Override
    public Set<Node> nonMonotoneInputs() {
        return Set.of(DKG.Nodes.stanceHolder, DKG.Nodes.stanceOn, DKG.Nodes.date,
                      DKG.Nodes.holder, DKG.Nodes.post, DKG.Nodes.postIn, DKG.Nodes.startDate, DKG.Nodes.endDate,
                      DKG.Nodes.expressedIn, DKG.Nodes.attributedTo);
    }

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        Map<Node, List<Node>> supportsByProposal = new HashMap<>();
        data.find(Node.ANY, RDF.Nodes.type, DKG.Nodes.Support).forEachRemaining(t -> {
            Node proposal = G.getZeroOrOneSP(data, t.getSubject(), DKG.Nodes.stanceOn);
            if ( proposal != null )
                supportsByProposal.computeIfAbsent(proposal, k -> new ArrayList<>()).add(t.getSubject());
        });
        if ( supportsByProposal.isEmpty() )
            return;
        Tenures tenures = Tenures.read(data);
        // One disagreement per pair of states and proposal, dated by the earliest rejection.
        Map<Node, Disagreement> earliest = new LinkedHashMap<>();
        data.find(Node.ANY, RDF.Nodes.type, DKG.Nodes.Rejection).forEachRemaining(t ->
            consider(data, tenures, t.getSubject(), supportsByProposal, earliest));
        earliest.values().forEach(d -> derive(d, out));
    }

    @Override
    void groupsChangedBy(Graph data, Triple changed, Set<Node> proposals) {
        Node p = changed.getPredicate();
        Node s = changed.getSubject();
        if ( p.equals(DKG.Nodes.stanceOn) ) {
            proposals.add(changed.getObject());
            return;
        }
        boolean stanceType = p.equals(RDF.Nodes.type)
                             && (changed.getObject().equals(DKG.Nodes.Support) || changed.getObject().equals(DKG.Nodes.Rejection));
        if ( p.equals(DKG.Nodes.stanceHolder) || p.equals(DKG.Nodes.date) || p.equals(DKG.Nodes.expressedIn) || stanceType )
            objects(data, s, DKG.Nodes.stanceOn, proposals);
        if ( p.equals(DKG.Nodes.attributedTo) ) {
            // A statement re-attributed: the stances expressed in it.
            Set<Node> stances = new LinkedHashSet<>();
            subjects(data, DKG.Nodes.expressedIn, s, stances);
            for ( Node stance : stances )
                objects(data, stance, DKG.Nodes.stanceOn, proposals);
        }
        Set<Node> holders = Tenures.holdersTouchedBy(data, changed);
        if ( p.equals(RDF.Nodes.type) && changed.getObject().equals(DKG.Nodes.State) )
            holders.add(s);
        for ( Node holder : holders ) {
            Set<Node> stances = new LinkedHashSet<>();
            subjects(data, DKG.Nodes.stanceHolder, holder, stances);
            for ( Node stance : stances )
                objects(data, stance, DKG.Nodes.stanceOn, proposals);
        }
    }

    @Override
    void groupsConcluding(Graph data, Triple conclusion, Set<Node> proposals) {
        objects(data, conclusion.getSubject(), DKG.Nodes.disagreementOn, proposals);
    }

    @Override
    void applyTo(Graph data, Set<Node> proposals, Consumer<Derivation> out) {
        Tenures tenures = Tenures.lazy(data);
        Map<Node, Disagreement> earliest = new LinkedHashMap<>();
        for ( Node proposal : proposals ) {
            List<Node> supports = new ArrayList<>();
            List<Node> rejections = new ArrayList<>();
            for ( Triple on : G.find(data, Node.ANY, DKG.Nodes.stanceOn, proposal).toList() ) {
                Node stance = on.getSubject();
                if ( data.contains(stance, RDF.Nodes.type, DKG.Nodes.Support)
                     && proposal.equals(G.getZeroOrOneSP(data, stance, DKG.Nodes.stanceOn)) )
                    supports.add(stance);
                if ( data.contains(stance, RDF.Nodes.type, DKG.Nodes.Rejection) )
                    rejections.add(stance);
            }
            if ( supports.isEmpty() )
                continue;
            Map<Node, List<Node>> supportsByProposal = Map.of(proposal, supports);
            for ( Node rejection : rejections )
                consider(data, tenures, rejection, supportsByProposal, earliest);
        }
        earliest.values().forEach(d -> derive(d, out));
    }

    /** Adds the disagreements one rejection gives, keeping the earliest per pair of states and proposal. */
    private static void consider(Graph data, Tenures tenures, Node rejection, Map<Node, List<Node>> supportsByProposal,
                                 Map<Node, Disagreement> earliest) {
            Node proposal = G.getZeroOrOneSP(data, rejection, DKG.Nodes.stanceOn);
            Node date = G.getZeroOrOneSP(data, rejection, DKG.Nodes.date);
            if ( proposal == null || !Dates.isDate(date) )
                return;
            List<Side> rejecting = sides(data, tenures, rejection, DKG.Nodes.Rejection, date);
            for ( Node support : supportsByProposal.getOrDefault(proposal, List.of()) ) {
                Node supportDate = G.getZeroOrOneSP(data, support, DKG.Nodes.date);
                boolean dated = Dates.isDate(supportDate);
                for ( Side against : rejecting ) {
                    for ( Side in : sides(data, tenures, support, DKG.Nodes.Support, dated ? supportDate : date) ) {
                        if ( against.state().equals(in.state()) )
                            continue;
                        List<Triple> premises = new ArrayList<>(against.premises());
                        premises.add(Triple.create(rejection, DKG.Nodes.date, date));
                        premises.addAll(in.premises());
                        if ( dated )
                            premises.add(Triple.create(support, DKG.Nodes.date, supportDate));
                        Disagreement d = new Disagreement(node(against.state(), in.state(), proposal),
                                                          against.state(), in.state(), proposal, date, premises);
                        earliest.merge(d.node(), d, DisagreementRule::earlier);
                    }
                }
            }
    }

    private static Disagreement earlier(Disagreement a, Disagreement b) {
        int order = Dates.compare(b.date(), a.date());
        if ( order == 0 )
            order = b.premises().toString().compareTo(a.premises().toString());
        return order < 0 ? b : a;
    }

    /** The states a stance was taken for: its holder if a state, else the states of the posts it held then. */
    private static List<Side> sides(Graph data, Tenures tenures, Node stance, Node kind, Node date) {
        Node holder = G.getZeroOrOneSP(data, stance, DKG.Nodes.stanceHolder);
        if ( holder == null )
            return List.of();
        List<Triple> base = new ArrayList<>(List.of(Triple.create(stance, RDF.Nodes.type, kind),
                                                    Triple.create(stance, DKG.Nodes.stanceHolder, holder),
                                                    Triple.create(stance, DKG.Nodes.stanceOn, G.getOneSP(data, stance, DKG.Nodes.stanceOn))));
        // According to whom: the statements the stance was expressed in, and who made them.
        for ( Node statement : G.listSP(data, stance, DKG.Nodes.expressedIn).stream().sorted(Comparator.comparing(Node::toString)).toList() ) {
            base.add(Triple.create(stance, DKG.Nodes.expressedIn, statement));
            base.addAll(Statements.attributions(data, statement));
        }
        Triple isState = Triple.create(holder, RDF.Nodes.type, DKG.Nodes.State);
        List<Side> sides = new ArrayList<>();
        if ( data.contains(isState) )
            sides.add(new Side(stance, holder, concat(base, List.of(isState))));
        for ( Tenure t : tenures.of(holder) ) {
            if ( t.forState() && t.covers(date) ) {
                List<Triple> premises = concat(base, t.premises());
                premises.add(Triple.create(t.organisation(), RDF.Nodes.type, DKG.Nodes.State));
                sides.add(new Side(stance, t.organisation(), premises));
            }
        }
        return sides;
    }

    private void derive(Disagreement d, Consumer<Derivation> out) {
        List<Triple> conclusions = List.of(
            Triple.create(d.node(), RDF.Nodes.type, DKG.Nodes.Disagreement),
            Triple.create(d.node(), DKG.Nodes.disagreeingParty, d.rejecting()),
            Triple.create(d.node(), DKG.Nodes.disagreeingParty, d.supporting()),
            Triple.create(d.node(), DKG.Nodes.disagreementOn, d.proposal()),
            Triple.create(d.node(), DKG.Nodes.disagreementDate, d.date()));
        for ( Triple conclusion : conclusions )
            out.accept(new Derivation(conclusion, this, d.premises()));
    }

    private static Node node(Node rejecting, Node supporting, Node proposal) {
        return NodeFactory.createURI(DKG.ID_BASE + "disagreement-" + slug(rejecting) + "-" + slug(supporting) + "-" + slug(proposal));
    }

    private static List<Triple> concat(List<Triple> a, List<Triple> b) {
        List<Triple> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The last path segment of an IRI (the slug of things under id/). */
    private static String slug(Node node) {
        String iri = node.getURI();
        return iri.substring(iri.lastIndexOf('/') + 1);
    }
}
