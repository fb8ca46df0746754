package org.diplomacykg.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.jena.graph.Node;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * The background of a synthetic world, which no article states: states, their two posts (head
 * of state, head of foreign affairs), who held each post when (one person per tenure, tenures
 * of a post back to back, the last one open), issues, and each state's negotiating positions.
 * Written to the reference graph, where the project keeps posts and tenures; kept here as
 * arrays of ints, so that articles can ask who held a post on a day.
 */
final class Background {

    static final int HEAD_OF_STATE = 0;
    static final int HEAD_OF_FOREIGN_AFFAIRS = 1;
    static final int ROLES = 2;

    final int states;
    /** Per post ({@code state * ROLES + role}): tenure start days, ascending, and the person of each. */
    private final int[][] starts;
    private final int[][] holders;
    /** Per person: the post they held (each person holds one tenure). */
    private final int[] postOf;
    /** Per state: the index of its first position; positions of state s are firstPosition[s] .. firstPosition[s+1]-1. */
    private final int[] firstPosition;
    /** Per position: how likely a statement on it is a revision rather than a reaffirmation. */
    private final double[] volatility;
    private final int issues;

    Background(int states, SplittableRandom random) {
        this.states = states;
        this.issues = states;
        int posts = states * ROLES;
        starts = new int[posts][];
        holders = new int[posts][];
        List<Integer> people = new ArrayList<>();
        for ( int post = 0; post < posts; post++ ) {
            List<Integer> s = new ArrayList<>();
            // The first tenure began before the first article, so every post has a holder on every day.
            int day = Days.START - 30 - random.nextInt(3000);
            while ( day <= Days.END ) {
                s.add(day);
                people.add(post);
                day += 200 + random.nextInt(2800);
            }
            starts[post] = s.stream().mapToInt(Integer::intValue).toArray();
            holders[post] = new int[s.size()];
            for ( int k = 0; k < s.size(); k++ )
                holders[post][k] = people.size() - s.size() + k;
        }
        postOf = people.stream().mapToInt(Integer::intValue).toArray();
        firstPosition = new int[states + 1];
        List<Double> vol = new ArrayList<>();
        // Some positions hardly move (long unchanged runs), some are revised all the time (short ones).
        double[] kinds = { 0.01, 0.04, 0.15, 0.4 };
        for ( int state = 0; state < states; state++ ) {
            firstPosition[state] = vol.size();
            int count = 3 + random.nextInt(8);
            for ( int k = 0; k < count; k++ )
                vol.add(kinds[random.nextInt(kinds.length)]);
        }
        firstPosition[states] = vol.size();
        volatility = vol.stream().mapToDouble(Double::doubleValue).toArray();
    }

    int persons() { return postOf.length; }
    int positions() { return volatility.length; }
    int positionsOf(int state) { return firstPosition[state + 1] - firstPosition[state]; }
    int position(int state, int k) { return firstPosition[state] + k; }
    int stateOfPosition(int position) {
        int at = Arrays.binarySearch(firstPosition, position);
        return at >= 0 ? at : -at - 2;
    }
    double volatility(int position) { return volatility[position]; }

    static int post(int state, int role) { return state * ROLES + role; }
    int stateOfPerson(int person) { return postOf[person] / ROLES; }
    int roleOfPerson(int person) { return postOf[person] % ROLES; }
    int start(int person) { return starts[postOf[person]][index(person)]; }

    /** The last day of the person's tenure, or {@link Days#NONE} if it is still open. */
    int end(int person) {
        int post = postOf[person];
        int k = index(person);
        return k + 1 < starts[post].length ? starts[post][k + 1] - 1 : Days.NONE;
    }

    /** Who held the state's post in that role on the day. */
    int holderAt(int state, int role, int day) {
        int post = post(state, role);
        int at = Arrays.binarySearch(starts[post], day);
        int k = at >= 0 ? at : -at - 2;
        if ( k < 0 )
            throw new IllegalStateException("No holder of post " + post + " on day " + day);
        return holders[post][k];
    }

    /** The persons who held posts in that role, for the counterpart answers. */
    int[] personsInRole(int role) {
        return java.util.stream.IntStream.range(0, postOf.length).filter(p -> postOf[p] % ROLES == role).toArray();
    }

    private int index(int person) {
        int post = postOf[person];
        return person - holders[post][0];
    }

    /** Writes the background to the reference graph. */
    void write(Emitter out, SyntheticIds ids, long seed) {
        Node g = Graphs.Nodes.REFERENCE;
        Node source = Terms.provenance(seed);
        for ( int s = 0; s < states; s++ ) {
            Node state = ids.state(s);
            out.quad(g, state, Terms.TYPE, DKG.Nodes.State);
            out.quad(g, state, Terms.LABEL, Terms.en("Synthetic state " + s + " (seed " + seed + ")"));
            out.quad(g, state, Terms.SOURCE, source);
            for ( int role = 0; role < ROLES; role++ ) {
                Node post = ids.post(s, role);
                out.quad(g, post, Terms.TYPE, Terms.Post);
                out.quad(g, post, Terms.LABEL, Terms.en(roleName(role) + " of synthetic state " + s));
                out.quad(g, post, DKG.Nodes.postIn, state);
                out.quad(g, post, DKG.Nodes.role, role == HEAD_OF_STATE ? Terms.HeadOfState : Terms.HeadOfForeignAffairs);
                out.quad(g, post, Terms.SOURCE, source);
            }
        }
        for ( int p = 0; p < persons(); p++ ) {
            Node person = ids.person(p);
            out.quad(g, person, Terms.TYPE, Terms.Official);
            out.quad(g, person, Terms.LABEL, Terms.en(personName(p)));
            Node tenure = ids.tenure(p);
            out.quad(g, tenure, Terms.TYPE, Terms.Tenure);
            out.quad(g, tenure, Terms.LABEL, Terms.en(personName(p) + ", " + roleName(roleOfPerson(p))
                                                      + " of synthetic state " + stateOfPerson(p)));
            out.quad(g, tenure, DKG.Nodes.holder, person);
            out.quad(g, tenure, DKG.Nodes.post, ids.post(stateOfPerson(p), roleOfPerson(p)));
            out.quad(g, tenure, DKG.Nodes.startDate, Days.literal(start(p)));
            if ( end(p) != Days.NONE )
                out.quad(g, tenure, DKG.Nodes.endDate, Days.literal(end(p)));
            out.quad(g, tenure, Terms.SOURCE, source);
        }
        for ( int i = 0; i < issues; i++ ) {
            Node issue = ids.issue(i);
            out.quad(g, issue, Terms.TYPE, Terms.Issue);
            out.quad(g, issue, Terms.LABEL, Terms.en("Synthetic issue " + i));
            out.quad(g, issue, Terms.SOURCE, source);
        }
        for ( int s = 0; s < states; s++ ) {
            for ( int k = 0; k < positionsOf(s); k++ ) {
                Node position = ids.position(s, k);
                out.quad(g, position, Terms.TYPE, Terms.NegotiatingPosition);
                out.quad(g, position, Terms.LABEL, Terms.en("Position " + k + " of synthetic state " + s
                                                            + " on synthetic issue " + issueOf(s, k)));
                out.quad(g, position, Terms.positionHolder, ids.state(s));
                out.quad(g, position, Terms.onIssue, ids.issue(issueOf(s, k)));
                out.quad(g, position, Terms.SOURCE, source);
            }
        }
    }

    int issueOf(int state, int k) {
        return (state * 7 + k * 3) % issues;
    }

    static String personName(int person) {
        return "Synthetic Official " + person;
    }

    static String roleName(int role) {
        return role == HEAD_OF_STATE ? "Head of state" : "Head of foreign affairs";
    }
}
