package org.diplomacykg.reasoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.diplomacykg.reasoning.domain.PositionContinuityRule;
import org.diplomacykg.vocab.DKG;
import org.junit.jupiter.api.Test;

/**
 * The graph an update reads through remembers each position's derivations, and forgets them
 * when a triple the position was worked out from changes: an update that re-dates a statement
 * between two passes sees the new date in the second; and a conclusion kept because the position
 * still concluded it is not trusted once a triple the position read has changed.
 */
class TestUpdateGraph {

    private static final Node POSITION = NodeFactory.createURI(DKG.ID_BASE + "position");
    private static final Node STATEMENT = NodeFactory.createURI(DKG.ID_BASE + "statement");
    private final Rule rule = new PositionContinuityRule();

    @Test
    void aChangedReadIsWorkedOutAgain() {
        Graph base = GraphMemFactory.createGraphMem2();
        Triple reaffirms = Triple.create(STATEMENT, DKG.Nodes.reaffirms, POSITION);
        base.add(reaffirms);
        base.add(dated(STATEMENT, "2025-01-01"));
        UpdateGraph view = new UpdateGraph(base);
        assertEquals(Set.of(lastReaffirmed("2025-01-01")), record(view, reaffirms));

        base.delete(dated(STATEMENT, "2025-01-01"));
        base.add(dated(STATEMENT, "2025-03-01"));
        view.changed(dated(STATEMENT, "2025-01-01"));
        view.changed(dated(STATEMENT, "2025-03-01"));
        assertEquals(Set.of(lastReaffirmed("2025-03-01")), record(view, reaffirms));
    }

    @Test
    void aKeptConclusionWhoseGroupChangesLaterIsNotTrusted() {
        Graph was = GraphMemFactory.createGraphMem2();
        Triple reaffirms = Triple.create(STATEMENT, DKG.Nodes.reaffirms, POSITION);
        was.add(reaffirms);
        was.add(dated(STATEMENT, "2025-01-01"));
        Graph is = GraphMemFactory.createGraphMem2();
        is.add(reaffirms);
        is.add(dated(STATEMENT, "2025-01-01"));
        UpdateGraph now = new UpdateGraph(is);
        UpdateGraph before = new UpdateGraph(was, now);
        record(before, reaffirms);
        assertTrue(before.concludesNow(lastReaffirmed("2025-01-01")));
        assertFalse(now.pinsBroken());

        is.delete(dated(STATEMENT, "2025-01-01"));
        now.changed(dated(STATEMENT, "2025-01-01"));
        assertTrue(now.pinsBroken(), "the update must run again: the position no longer concludes what was kept");
    }

    /** The position's last-reaffirmed triples, as the rule gives them after {@code changed}. */
    private Set<Triple> record(UpdateGraph view, Triple changed) {
        Set<Triple> out = new HashSet<>();
        rule.applyChanged(view, List.of(changed), d -> {
            if ( d.conclusion().getPredicate().equals(DKG.Nodes.lastReaffirmed) )
                out.add(d.conclusion());
        });
        return out;
    }

    private static Triple dated(Node statement, String isoDate) {
        return Triple.create(statement, DKG.Nodes.date, NodeFactory.createLiteralDT(isoDate + "T00:00:00", XSDDatatype.XSDdateTime));
    }

    private static Triple lastReaffirmed(String isoDate) {
        return Triple.create(POSITION, DKG.Nodes.lastReaffirmed, NodeFactory.createLiteralDT(isoDate + "T00:00:00", XSDDatatype.XSDdateTime));
    }
}
