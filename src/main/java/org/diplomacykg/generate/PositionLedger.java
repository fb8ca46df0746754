package org.diplomacykg.generate;

import java.util.Arrays;

/**
 * Since when each position has been unchanged, kept as the statements are made, in the
 * generator's own terms: three days per position. The generator makes statements in date
 * order, so the record can be kept on the fly. A revision starts the record again; a
 * reaffirmation after it counts from its own day, or from the day of the baseline meeting it
 * names if that is earlier and after the revision; the position is unchanged since the earliest
 * of these, or since the revision when nothing reaffirmed it after. Only reaffirmations on or
 * after the latest revision count as its latest reaffirmation. On a day with both, the
 * revision counts as made first.
 */
final class PositionLedger {

    private final int[] lastRevision;
    private final int[] since;
    private final int[] lastReaffirmed;

    PositionLedger(int positions) {
        lastRevision = filled(positions);
        since = filled(positions);
        lastReaffirmed = filled(positions);
    }

    void revise(int position, int day) {
        lastRevision[position] = day;
        // On one day a revision counts as said first: a reaffirmation of that day already made
        // comes after it, and holds from that day (no baseline can lie between the two).
        since[position] = lastReaffirmed[position] == day ? day : Days.NONE;
        // Nothing reaffirmed before a revision is a reaffirmation of the revised position.
        if ( lastReaffirmed[position] != day )
            lastReaffirmed[position] = Days.NONE;
    }

    /** @param baseline the day of the meeting the statement says the position is unchanged against, or {@link Days#NONE} */
    void reaffirm(int position, int day, int baseline) {
        int from = day;
        if ( baseline != Days.NONE && baseline < day
             && (lastRevision[position] == Days.NONE || lastRevision[position] < baseline) )
            from = baseline;
        if ( since[position] == Days.NONE || from < since[position] )
            since[position] = from;
        lastReaffirmed[position] = Math.max(lastReaffirmed[position], day);
    }

    /** The day since which the position is unchanged, or {@link Days#NONE} if nothing was said of it. */
    int unchangedSince(int position) {
        return since[position] != Days.NONE ? since[position] : lastRevision[position];
    }

    int lastReaffirmed(int position) {
        return lastReaffirmed[position];
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, Days.NONE);
        return a;
    }
}
