package org.diplomacykg.reasoning.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.reasoning.Derivation;
import org.diplomacykg.reasoning.domain.Tenures.Tenure;
import org.diplomacykg.vocab.DKG;

/**
 * A dated meeting involves the states its participants acted for on its date: the state of
 * each post a participant held then, or the participant itself when it is a state. A
 * tenure that does not cover the date does not count; an undated meeting involves nobody.
 * After a change, only the meetings it concerns are worked out again: the meeting changed,
 * or those of the participants whose tenures (or whose organisations' statehood) changed.
 */
public final class StateParticipationRule extends GroupedRule {

    @Override
    public String iri() {
        return RULE_BASE + "state-participation";
    }

    @Override
    public String label() {
        return "state participation";
    }

    @Override
    public String description() {
        return "A meeting involves each state on whose behalf one of its participants acted at its date, "
             + "through a post held on that day.";
    }

    @Override
    public Set<Node> inputs() {
        return Set.of(DKG.Nodes.participant, DKG.Nodes.date, DKG.Nodes.holder, DKG.Nodes.post, DKG.Nodes.postIn,
                      DKG.Nodes.startDate, DKG.Nodes.endDate, RDF.Nodes.type);
    }

    @Override
    public Set<Node> outputs() {
        return Set.of(DKG.Nodes.involvesState);
    }

    /**
     * A tenure without an end date is ongoing: one more end date can leave a meeting's date
     * uncovered. The rest only adds states.
     */
    @Override
    public Set<Node> nonMonotoneInputs() {
        return Set.of(DKG.Nodes.endDate);
    }

    @Override
    void groupsChangedBy(Graph data, Triple changed, Set<Node> meetings) {
        Node p = changed.getPredicate();
        if ( p.equals(DKG.Nodes.participant) || p.equals(DKG.Nodes.date) ) {
            meetings.add(changed.getSubject());
            return;
        }
        Set<Node> participants = Tenures.holdersTouchedBy(data, changed);
        if ( p.equals(RDF.Nodes.type) && changed.getObject().equals(DKG.Nodes.State) )
            participants.add(changed.getSubject());
        for ( Node participant : participants )
            subjects(data, DKG.Nodes.participant, participant, meetings);
    }

    @Override
    void groupsConcluding(Graph data, Triple conclusion, Set<Node> meetings) {
        meetings.add(conclusion.getSubject());
    }

    @Override
    void applyTo(Graph data, Set<Node> meetings, Consumer<Derivation> out) {
        Tenures tenures = Tenures.lazy(data);
        for ( Node meeting : meetings ) {
            for ( Triple takesPart : G.find(data, meeting, DKG.Nodes.participant, Node.ANY).toList() )
                derive(data, tenures, takesPart, out);
        }
    }

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        Tenures tenures = Tenures.read(data);
        data.find(Node.ANY, DKG.Nodes.participant, Node.ANY).forEachRemaining(takesPart -> derive(data, tenures, takesPart, out));
    }

    private void derive(Graph data, Tenures tenures, Triple takesPart, Consumer<Derivation> out) {
            Node meeting = takesPart.getSubject();
            Node participant = takesPart.getObject();
            Node date = G.getZeroOrOneSP(data, meeting, DKG.Nodes.date);
            if ( !Dates.isDate(date) )
                return;
            Triple dated = Triple.create(meeting, DKG.Nodes.date, date);
            Triple isState = Triple.create(participant, RDF.Nodes.type, DKG.Nodes.State);
            if ( data.contains(isState) )
                out.accept(new Derivation(Triple.create(meeting, DKG.Nodes.involvesState, participant), this,
                                          List.of(takesPart, dated, isState)));
            for ( Tenure t : tenures.of(participant) ) {
                if ( !t.forState() || !t.covers(date) )
                    continue;
                List<Triple> premises = new ArrayList<>(List.of(takesPart, dated));
                premises.addAll(t.premises());
                premises.add(Triple.create(t.organisation(), RDF.Nodes.type, DKG.Nodes.State));
                out.accept(new Derivation(Triple.create(meeting, DKG.Nodes.involvesState, t.organisation()), this, premises));
            }
    }
}
