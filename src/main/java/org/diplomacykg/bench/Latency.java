package org.diplomacykg.bench;

import org.apache.jena.atlas.json.JsonObject;
import org.HdrHistogram.Histogram;

/** Latency percentiles from an HdrHistogram of microseconds, as JSON figures in milliseconds. */
final class Latency {

    /** A histogram of microseconds that grows as needed, to 3 significant digits. */
    static Histogram histogram() {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    static void recordNanos(Histogram h, long nanos) {
        h.recordValue(Math.max(1, nanos / 1000));
    }

    static JsonObject json(Histogram h) {
        JsonObject o = new JsonObject();
        o.put("count", h.getTotalCount());
        if ( h.getTotalCount() > 0 ) {
            o.put("p50_ms", Json.num(ms(h.getValueAtPercentile(50))));
            o.put("p99_ms", Json.num(ms(h.getValueAtPercentile(99))));
            o.put("mean_ms", Json.num(Math.round(h.getMean()) / 1000.0));
            o.put("max_ms", Json.num(ms(h.getMaxValue())));
        }
        return o;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private Latency() {}
}
