package org.diplomacykg.bench;

import java.util.List;

/**
 * The exponent b of cost = a * size^b, by least squares on (log size, log cost): 1 means
 * linear, 2 quadratic. Needs two distinct sizes at least.
 */
final class ScalingFit {

    record Point(double size, double cost) {}

    /** The slope of the log-log fit, or NaN with fewer than two usable points. */
    static double exponent(List<Point> points) {
        List<Point> usable = points.stream().filter(p -> p.size() > 0 && p.cost() > 0
                                                         && Double.isFinite(p.size()) && Double.isFinite(p.cost())).toList();
        if ( usable.stream().map(Point::size).distinct().count() < 2 )
            return Double.NaN;
        double n = usable.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for ( Point p : usable ) {
            double x = Math.log(p.size()), y = Math.log(p.cost());
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private ScalingFit() {}
}
