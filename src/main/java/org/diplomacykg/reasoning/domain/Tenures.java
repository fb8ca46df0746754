package org.diplomacykg.reasoning.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.vocab.DKG;

/**
 * Who held which post, for which organisation, in which role and over which interval,
 * read from the graph with the triples each fact rests on (for explanations).
 * A tenure without a start date is left out: without it no overlap can be shown.
 */
record Tenures(List<Tenure> all, Map<Node, List<Tenure>> byHolder) {

    record Tenure(Node tenure, Node holder, Node post, Node organisation, boolean forState, List<Node> roles,
                  Node start, Node end, List<Triple> premises) {

        /** True if the tenure had begun on {@code date} and not yet ended. */
        boolean covers(Node date) {
            return Dates.compare(start, date) <= 0 && (end == null || Dates.compare(date, end) <= 0);
        }

        /** True if the two tenures share at least one day. */
        boolean overlaps(Tenure other) {
            return (end == null || Dates.compare(other.start, end) <= 0)
                && (other.end == null || Dates.compare(start, other.end) <= 0);
        }
    }

    static Tenures read(Graph data) {
        List<Tenure> all = new ArrayList<>();
        Map<Node, List<Tenure>> byHolder = new HashMap<>();
        data.find(Node.ANY, DKG.Nodes.holder, Node.ANY).forEachRemaining(holds -> {
            Tenure t = tenure(data, holds);
            if ( t != null ) {
                all.add(t);
                byHolder.computeIfAbsent(t.holder(), k -> new ArrayList<>()).add(t);
            }
        });
        return new Tenures(all, byHolder);
    }

    List<Tenure> of(Node holder) {
        return byHolder.getOrDefault(holder, List.of());
    }

    private static Tenure tenure(Graph data, Triple holds) {
        Node tenure = holds.getSubject();
        Node post = G.getZeroOrOneSP(data, tenure, DKG.Nodes.post);
        Node start = G.getZeroOrOneSP(data, tenure, DKG.Nodes.startDate);
        if ( post == null || !Dates.isDate(start) )
            return null;
        Node organisation = G.getZeroOrOneSP(data, post, DKG.Nodes.postIn);
        if ( organisation == null )
            return null;
        Node end = G.getZeroOrOneSP(data, tenure, DKG.Nodes.endDate);
        if ( end != null && !Dates.isDate(end) )
            return null;
        List<Triple> premises = new ArrayList<>(List.of(
            holds,
            Triple.create(tenure, DKG.Nodes.post, post),
            Triple.create(post, DKG.Nodes.postIn, organisation),
            Triple.create(tenure, DKG.Nodes.startDate, start)));
        if ( end != null )
            premises.add(Triple.create(tenure, DKG.Nodes.endDate, end));
        boolean forState = data.contains(organisation, RDF.Nodes.type, DKG.Nodes.State);
        List<Node> roles = G.listSP(data, post, DKG.Nodes.role);
        return new Tenure(tenure, holds.getObject(), post, organisation, forState, roles, start, end, premises);
    }
}
