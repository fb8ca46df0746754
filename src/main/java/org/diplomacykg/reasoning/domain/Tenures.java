package org.diplomacykg.reasoning.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Read in full ({@link #read}) for a run over everything, or one holder at a time
 * ({@link #lazy}) when only a few groups are recomputed.
 */
final class Tenures {

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

    /** The predicates of the triples a tenure is read from. */
    static final Set<Node> PREDICATES = Set.of(DKG.Nodes.holder, DKG.Nodes.post, DKG.Nodes.postIn, DKG.Nodes.role,
                                               DKG.Nodes.startDate, DKG.Nodes.endDate);

    private final Graph data;
    private final List<Tenure> all;
    private final Map<Node, List<Tenure>> byHolder = new HashMap<>();

    private Tenures(Graph data, List<Tenure> all) {
        this.data = data;
        this.all = all;
    }

    /** Every tenure in {@code data}. */
    static Tenures read(Graph data) {
        List<Tenure> all = new ArrayList<>();
        Tenures tenures = new Tenures(data, all);
        data.find(Node.ANY, DKG.Nodes.holder, Node.ANY).forEachRemaining(holds -> {
            Tenure t = tenure(data, holds);
            if ( t != null ) {
                all.add(t);
                tenures.byHolder.computeIfAbsent(t.holder(), k -> new ArrayList<>()).add(t);
            }
        });
        return tenures;
    }

    /** The tenures of {@code data}, read holder by holder as asked for. */
    static Tenures lazy(Graph data) {
        return new Tenures(data, null);
    }

    List<Tenure> all() {
        if ( all == null )
            throw new IllegalStateException("Tenures read holder by holder");
        return all;
    }

    List<Tenure> of(Node holder) {
        if ( all != null )
            return byHolder.getOrDefault(holder, List.of());
        return byHolder.computeIfAbsent(holder, h -> {
            List<Tenure> found = new ArrayList<>();
            for ( Triple holds : G.find(data, Node.ANY, DKG.Nodes.holder, h).toList() ) {
                Tenure t = tenure(data, holds);
                if ( t != null )
                    found.add(t);
            }
            return found;
        });
    }

    /** The tenures whose post has {@code role}. */
    static List<Tenure> withRole(Graph data, Node role) {
        Set<Node> tenureNodes = new LinkedHashSet<>();
        for ( Triple hasRole : G.find(data, Node.ANY, DKG.Nodes.role, role).toList() )
            GroupedRule.subjects(data, DKG.Nodes.post, hasRole.getSubject(), tenureNodes);
        List<Tenure> found = new ArrayList<>();
        for ( Node tenure : tenureNodes ) {
            for ( Triple holds : G.find(data, tenure, DKG.Nodes.holder, Node.ANY).toList() ) {
                Tenure t = tenure(data, holds);
                if ( t != null && t.roles().contains(role) )
                    found.add(t);
            }
        }
        return found;
    }

    /**
     * The tenure nodes whose reading a changed triple may alter: its subject for a triple
     * of the tenure itself, the tenures of the post for a triple of a post, the tenures of
     * the organisation's posts when whether it is a state changed.
     */
    static Set<Node> touchedBy(Graph data, Triple changed) {
        Set<Node> tenures = new LinkedHashSet<>();
        Node p = changed.getPredicate();
        if ( p.equals(DKG.Nodes.holder) || p.equals(DKG.Nodes.post) || p.equals(DKG.Nodes.startDate)
             || p.equals(DKG.Nodes.endDate) ) {
            tenures.add(changed.getSubject());
        } else if ( p.equals(DKG.Nodes.postIn) || p.equals(DKG.Nodes.role) ) {
            GroupedRule.subjects(data, DKG.Nodes.post, changed.getSubject(), tenures);
        } else if ( p.equals(RDF.Nodes.type) && changed.getObject().equals(DKG.Nodes.State) ) {
            Set<Node> posts = new LinkedHashSet<>();
            GroupedRule.subjects(data, DKG.Nodes.postIn, changed.getSubject(), posts);
            for ( Node post : posts )
                GroupedRule.subjects(data, DKG.Nodes.post, post, tenures);
        }
        return tenures;
    }

    /** The holders of the tenures a changed triple may alter (see {@link #touchedBy}). */
    static Set<Node> holdersTouchedBy(Graph data, Triple changed) {
        Set<Node> holders = new LinkedHashSet<>();
        if ( changed.getPredicate().equals(DKG.Nodes.holder) )
            holders.add(changed.getObject());
        for ( Node tenure : touchedBy(data, changed) )
            GroupedRule.objects(data, tenure, DKG.Nodes.holder, holders);
        return holders;
    }

    static Tenure tenure(Graph data, Triple holds) {
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
