package org.diplomacykg.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^exponent: a few states,
 * officials and positions do most of the talking, as in real news. A cumulative table and a
 * binary search, so a draw is O(log n) and depends only on the random source.
 */
final class Zipf {

    private final double[] cumulative;

    Zipf(int n, double exponent) {
        if ( n < 1 )
            throw new IllegalArgumentException("Zipf needs at least one rank, got " + n);
        cumulative = new double[n];
        double sum = 0;
        for ( int rank = 0; rank < n; rank++ ) {
            sum += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for ( int rank = 0; rank < n; rank++ )
            cumulative[rank] /= sum;
    }

    int sample(SplittableRandom random) {
        int at = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = at >= 0 ? at : -at - 1;
        return Math.min(rank, cumulative.length - 1);
    }
}
