package org.diplomacykg.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/**
 * The cost of full materialisation against world size, log-log, for the service and the
 * Jena baseline, as an SVG drawing built as text (no graphics library, so it works headless).
 * Steps that ran out of memory or time are marked on the top edge.
 */
final class CostPlot {

    private static final int WIDTH = 640, HEIGHT = 420, LEFT = 70, RIGHT = 20, TOP = 40, BOTTOM = 50;

    private record Series(String name, String colour, List<double[]> points, List<Double> failed) {}

    static String svg(JsonObject results) {
        List<Series> series = List.of(series(results, BenchStep.SERVICE, "materialise_ms", "service: full run, stored and explained", "#1f77b4"),
                                      series(results, BenchStep.TDB, "materialise_ms", "service: full run into TDB2 on disk", "#9467bd"),
                                      series(results, BenchStep.SERVICE, "rules_ms", "service: the rules alone, in memory", "#2ca02c"),
                                      series(results, BenchStep.RETE, "materialise_ms", "Jena FORWARD_RETE, same rules", "#d62728"));
        double xMin = Double.MAX_VALUE, xMax = 0, yMin = Double.MAX_VALUE, yMax = 0;
        for ( Series s : series ) {
            for ( double[] p : s.points() ) {
                xMin = Math.min(xMin, p[0]);
                xMax = Math.max(xMax, p[0]);
                yMin = Math.min(yMin, p[1]);
                yMax = Math.max(yMax, p[1]);
            }
            for ( double x : s.failed() ) {
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
            }
        }
        if ( xMax == 0 ) {
            xMin = 1e3;
            xMax = 1e4;
        }
        if ( yMax == 0 ) {
            yMin = 1;
            yMax = 10;
        }
        Axis x = new Axis(Math.floor(Math.log10(xMin)), Math.max(Math.ceil(Math.log10(xMax)), Math.floor(Math.log10(xMin)) + 1),
                          LEFT, WIDTH - RIGHT);
        Axis y = new Axis(Math.floor(Math.log10(yMin)), Math.max(Math.ceil(Math.log10(yMax)), Math.floor(Math.log10(yMin)) + 1),
                          HEIGHT - BOTTOM, TOP);

        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        sb.append("<title>Full materialisation time against asserted triples (log-log)</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">Full materialisation: time against size</text>\n", LEFT));
        for ( double d = x.lo; d <= x.hi; d++ ) {
            double px = x.at(Math.pow(10, d));
            sb.append(line(px, y.from, px, y.to, "#ddd"));
            sb.append(text(px, HEIGHT - BOTTOM + 18, "middle", triples(Math.pow(10, d))));
        }
        for ( double d = y.lo; d <= y.hi; d++ ) {
            double py = y.at(Math.pow(10, d));
            sb.append(line(x.from, py, x.to, py, "#ddd"));
            sb.append(text(LEFT - 6, py + 4, "end", millis(Math.pow(10, d))));
        }
        sb.append(line(x.from, y.from, x.to, y.from, "#333")).append(line(x.from, y.from, x.from, y.to, "#333"));
        sb.append(text((LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 12, "middle", "asserted triples"));
        sb.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">"
                                + "wall time</text>\n", (TOP + HEIGHT - BOTTOM) / 2.0, (TOP + HEIGHT - BOTTOM) / 2.0));
        int legend = 0;
        for ( Series s : series ) {
            StringBuilder path = new StringBuilder();
            for ( double[] p : s.points() ) {
                path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(p[0]), y.at(p[1])));
            }
            if ( s.points().size() > 1 )
                sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n",
                                        s.colour(), path.toString().strip()));
            for ( double[] p : s.points() )
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %s triples, %s</title></circle>\n",
                                        x.at(p[0]), y.at(p[1]), s.colour(), s.name(), triples(p[0]), millis(p[1])));
            for ( double f : s.failed() )
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">✕<title>%s: "
                                        + "out of memory or time at %s triples</title></text>\n", x.at(f), TOP + 4, s.colour(), s.name(), triples(f)));
            double ly = TOP + 14 + 18 * legend++;
            sb.append(line(LEFT + 12, ly - 4, LEFT + 36, ly - 4, s.colour()));
            sb.append(text(LEFT + 42, ly, "start", s.name()));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static Series series(JsonObject results, String engine, String key, String name, String colour) {
        List<double[]> points = new ArrayList<>();
        List<Double> failed = new ArrayList<>();
        for ( JsonValue v : results.get("sizes").getAsArray() ) {
            JsonObject size = v.getAsObject();
            JsonObject step = Json.obj(size, engine);
            if ( step == null )
                continue;
            double n = Json.get(size, "triples");
            boolean ok = "ok".equals(step.getString("status"));
            if ( ok && Json.get(step, key) > 0 )
                points.add(new double[] { n, Json.get(step, key) });
            else if ( !ok && n > 0 )
                failed.add(n);
        }
        return new Series(name, colour, points, failed);
    }

    /** A log10 axis from decade {@code lo} to decade {@code hi}, mapped onto pixels {@code from}..{@code to}. */
    private record Axis(double lo, double hi, double from, double to) {
        double at(double value) {
            return from + (Math.log10(value) - lo) / (hi - lo) * (to - from);
        }
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n", x1, y1, x2, y2, colour);
    }

    private static String text(double x, double y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>\n", x, y, anchor, text);
    }

    private static String triples(double n) {
        if ( n >= 1e6 )
            return short3(n / 1e6) + "M";
        if ( n >= 1e3 )
            return short3(n / 1e3) + "k";
        return short3(n);
    }

    private static String millis(double ms) {
        return ms >= 1000 ? short3(ms / 1000) + " s" : short3(ms) + " ms";
    }

    /** Three significant digits at most, without trailing zeros: 1, 10, 2.5, 123. */
    private static String short3(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private CostPlot() {}
}
