package org.diplomacykg.generate;

import java.util.List;

/**
 * What {@link WorldGenerator} made: how much of each kind, how many quads in all, and the
 * answers the reasoners are expected to derive from it ({@link ExpectedAnswers} says which
 * sets are complete).
 *
 * @param triples the quads actually written (the target is approximate)
 */
public record GeneratedWorld(long seed, long targetTriples, long triples, int articles, int states, int officials,
                             int positions, int meetings, int statements, int cancellations, int proposals,
                             int stances, List<ExpectedAnswer> expected) {

    /** One line for people: what was made. */
    public String summary() {
        return triples + " triples (target " + targetTriples + ", seed " + seed + "): " + articles + " articles, "
            + states + " states, " + officials + " officials, " + positions + " positions, " + meetings + " meetings, "
            + statements + " statements, " + cancellations + " cancellations, " + proposals + " proposals, "
            + stances + " stances; " + expected.size() + " expected answers";
    }
}
