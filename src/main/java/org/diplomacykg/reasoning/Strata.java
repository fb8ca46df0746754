package org.diplomacykg.reasoning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;

/**
 * The rules in the order they must run: a rule that reads the latest, earliest, absence or count
 * of a predicate ({@link Rule#nonMonotoneInputs}) runs after every rule that can derive that
 * predicate, directly or through other rules, has run to its fixpoint; otherwise it would
 * conclude from part of what holds and nothing would take the conclusion back. Strata follow
 * from the rules' declared inputs and outputs: a rule is in the stratum of the highest rule it
 * reads from, one higher when it reads that rule's conclusions non-monotonically. A rule that
 * depends, through any chain of rules, on its own conclusions through such a read has no
 * stratum: the rule set is refused at start, naming the rules of the cycle.
 * <p>
 * A rule's non-monotone read of a predicate it concludes itself, with no other rule in
 * between, is not a cycle here: predicates are too coarse to tell its conclusions from what it
 * reads (position continuity reads the baselines statements are {@code dkg:comparedWith} and
 * concludes the baseline an assessment is {@code dkg:comparedWith}), and a rule works out each
 * of its groups whole from the data, so it is the rule's own business not to read its own
 * conclusions so. It still runs after every other rule that derives that predicate.
 */
final class Strata {

    /**
     * The rules by stratum, lowest first, each stratum in the rules' own order.
     *
     * @throws IllegalStateException naming the rules when a cycle passes through a non-monotone read
     */
    static List<List<Rule>> of(List<Rule> rules) {
        int n = rules.size();
        // reads[a][b]: rule b reads what rule a concludes; reach: the same, through any chain of rules.
        boolean[][] reach = new boolean[n][n];
        for ( int a = 0; a < n; a++ )
            for ( int b = 0; b < n; b++ )
                reach[a][b] = intersects(rules.get(a).outputs(), rules.get(b).inputs())
                              || intersects(rules.get(a).outputs(), rules.get(b).nonMonotoneInputs());
        for ( int k = 0; k < n; k++ )
            for ( int a = 0; a < n; a++ )
                if ( reach[a][k] )
                    for ( int b = 0; b < n; b++ )
                        if ( reach[k][b] )
                            reach[a][b] = true;
        for ( int a = 0; a < n; a++ )
            for ( int b = 0; b < n; b++ )
                if ( a == b ? ownReadInCycle(rules, reach, a) : negative(rules, a, b) && reach[b][a] )
                    throw new IllegalStateException(cycle(rules, reach, a, b));

        // Longest path, a non-monotone read counting one: no cycle passes through one, so n rounds settle it.
        int[] stratum = new int[n];
        boolean changed = true;
        for ( int round = 0; changed && round <= n; round++ ) {
            changed = false;
            for ( int a = 0; a < n; a++ )
                for ( int b = 0; b < n; b++ ) {
                    int least = negative(rules, a, b) ? stratum[a] + 1
                              : intersects(rules.get(a).outputs(), rules.get(b).inputs()) ? stratum[a] : 0;
                    if ( stratum[b] < least ) {
                        stratum[b] = least;
                        changed = true;
                    }
                }
        }
        int top = 0;
        for ( int s : stratum )
            top = Math.max(top, s);
        List<List<Rule>> out = new ArrayList<>();
        for ( int s = 0; s <= top; s++ ) {
            List<Rule> layer = new ArrayList<>();
            for ( int r = 0; r < n; r++ )
                if ( stratum[r] == s )
                    layer.add(rules.get(r));
            if ( !layer.isEmpty() )
                out.add(layer);
        }
        return out;
    }

    /** Whether rule b reads what another rule a concludes non-monotonically (see the class comment on a rule's own). */
    private static boolean negative(List<Rule> rules, int a, int b) {
        return a != b && intersects(rules.get(a).outputs(), rules.get(b).nonMonotoneInputs());
    }

    /**
     * Whether what rule a concludes and reads non-monotonically itself is read by another rule
     * whose conclusions lead back to a: then the read passes through that rule, a real cycle.
     */
    private static boolean ownReadInCycle(List<Rule> rules, boolean[][] reach, int a) {
        Set<Node> own = new HashSet<>(rules.get(a).outputs());
        own.retainAll(rules.get(a).nonMonotoneInputs());
        if ( own.isEmpty() )
            return false;
        for ( int c = 0; c < rules.size(); c++ )
            if ( c != a && reach[c][a]
                 && (intersects(own, rules.get(c).inputs()) || intersects(own, rules.get(c).nonMonotoneInputs())) )
                return true;
        return false;
    }

    private static String cycle(List<Rule> rules, boolean[][] reach, int a, int b) {
        Set<String> members = new TreeSet<>();
        members.add(rules.get(a).iri());
        members.add(rules.get(b).iri());
        for ( int c = 0; c < rules.size(); c++ )
            if ( reach[b][c] && reach[c][a] )
                members.add(rules.get(c).iri());
        return "The rules cannot be ordered: " + rules.get(b).iri() + " reads the latest, earliest, absence or count of what "
               + rules.get(a).iri() + " concludes, and depends on its own conclusions through the rules "
               + String.join(", ", members) + ". Remove the cycle or the non-monotone read.";
    }

    private static boolean intersects(Set<Node> a, Set<Node> b) {
        for ( Node n : a )
            if ( b.contains(n) )
                return true;
        return false;
    }

    private Strata() {}
}
