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
import org.diplomacykg.reasoning.Rule;
import org.diplomacykg.reasoning.domain.Tenures.Tenure;
import org.diplomacykg.vocab.DKG;

/**
 * A dated meeting involves the states its participants acted for on its date: the state of
 * each post a participant held then, or the participant itself when it is a state. A
 * tenure that does not cover the date does not count; an undated meeting involves nobody.
 */
public final class StateParticipationRule implements Rule {

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

    @Override
    public void apply(Graph data, Consumer<Derivation> out) {
        Tenures tenures = Tenures.read(data);
        data.find(Node.ANY, DKG.Nodes.participant, Node.ANY).forEachRemaining(takesPart -> {
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
        });
    }
}
