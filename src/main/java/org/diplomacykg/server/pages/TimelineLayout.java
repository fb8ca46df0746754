package org.diplomacykg.server.pages;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MONTHS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The geometry of a timeline picture, in SVG user units and knowing nothing of RDF or HTML:
 * a date axis at the bottom with month ticks, one marker per dated item on a stem rising from
 * the axis, and translucent bands for date spans. Labels are staggered on levels above the axis:
 * each goes on the lowest level where it overlaps no other label, marker or stem passing through
 * that level, and where its own stem crosses no label below it (or, failing such a level, the
 * lowest where only the stem crosses a label). Labels that would run off the right edge are drawn
 * leftwards from their marker.
 */
public final class TimelineLayout {

    /** Width of the picture; the page scales it to fit. */
    public static final double WIDTH = 1080;
    /** Room kept free at the left and right edges. */
    static final double MARGIN = 16;
    /** Vertical distance between label levels. */
    static final double ROW = 22;
    /** Height of one band label row above the levels. */
    static final double BAND_ROW = 18;
    /** Room below the axis for the month labels. */
    static final double TICK_SPACE = 36;
    /** Space above everything. */
    static final double TOP = 6;
    /** Estimated advance of one character at the 12px label font. */
    static final double CHAR_WIDTH = 6.8;
    /** Labels longer than this are cut with an ellipsis (the full text is in the tooltip and table). */
    static final int MAX_CHARS = 46;
    /** Distance from a marker to its label. */
    static final double GAP = 8;
    /** Marker radius. */
    static final double DOT = 5;
    /** Clearance kept between neighbouring labels on one level, and around stems. */
    static final double PAD = 6;
    /** At most this many levels: past it labels may overlap rather than the picture grow without bound. */
    static final int MAX_LEVELS = 40;

    /** A dated thing to mark. */
    public record Item(LocalDate date, String label) {
        public Item {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(label, "label");
        }
    }

    /** A span of dates to shade, such as the time a position has been unchanged. */
    public record Span(LocalDate start, LocalDate end, String label) {
        public Span {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(label, "label");
            end = end == null || end.isBefore(start) ? start : end;
        }
    }

    /** Maps dates to x positions, linearly, from {@code start} at {@code left} to {@code end} at {@code right}. */
    public record Scale(LocalDate start, LocalDate end, double left, double right) {
        public Scale {
            if ( !end.isAfter(start) )
                throw new IllegalArgumentException("scale end " + end + " must be after its start " + start);
        }

        public double x(LocalDate date) {
            return left + (right - left) * DAYS.between(start, date) / DAYS.between(start, end);
        }

        /**
         * A scale covering the dates with some room either side (at least a few days, and a
         * month either side of a single date).
         */
        static Scale covering(List<LocalDate> dates, double left, double right) {
            LocalDate min = dates.stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate max = dates.stream().max(LocalDate::compareTo).orElseThrow();
            long span = DAYS.between(min, max);
            long pad = span == 0 ? 30 : Math.max(3, span / 20);
            return new Scale(min.minusDays(pad), max.plusDays(pad), left, right);
        }
    }

    /** A month tick; {@code withYear} is set on the first tick and on each January. */
    public record Tick(double x, LocalDate month, boolean withYear) {}

    /**
     * Where item {@code index} (its place in the input) is drawn: the marker at ({@code x},
     * {@code y}) on a stem down to the axis, its (possibly cut) label starting at
     * {@code labelX}, right-aligned there when {@code anchorEnd}.
     */
    public record Marker(int index, int level, double x, double y, double labelX, double labelY,
                         boolean anchorEnd, String text) {}

    /** Where span {@code index} is drawn, and its label. */
    public record Band(int index, double x, double y, double width, double height,
                       double labelX, double labelY, boolean anchorEnd, String text) {}

    /** The whole picture. */
    public record Layout(double width, double height, double axisY, double axisLeft, double axisRight,
                         List<Tick> ticks, List<Marker> markers, List<Band> bands) {}

    /**
     * Lays out the items (in the order given, which should be date order) and spans, or
     * returns null when there is no date to draw.
     */
    public static Layout layout(List<Item> items, List<Span> spans) {
        List<LocalDate> dates = Stream.concat(items.stream().map(Item::date),
                spans.stream().flatMap(s -> Stream.of(s.start(), s.end()))).toList();
        if ( dates.isEmpty() )
            return null;
        Scale scale = Scale.covering(dates, MARGIN, WIDTH - MARGIN);

        // Labels drawn rightwards are placed from the right, those drawn leftwards (near the
        // right edge) from the left and before them: then a label placed earlier seldom lies
        // across the stem of a marker placed later.
        List<Integer> order = new ArrayList<>();
        for ( int i = 0 ; i < items.size() ; i++ )
            order.add(i);
        order.sort(Comparator.comparing((Integer i) -> !drawnLeftwards(scale, items.get(i)))
                       .thenComparingDouble(i -> drawnLeftwards(scale, items.get(i)) ? scale.x(items.get(i).date())
                                                                                    : -scale.x(items.get(i).date()))
                       .thenComparing(i -> i));
        Levels levels = new Levels();
        int[][] placed = new int[items.size()][];        // {level, anchorEnd ? 1 : 0}
        for ( int i : order )
            placed[i] = levels.place(scale.x(items.get(i).date()), labelWidth(items.get(i).label()));

        double bandsTop = TOP;
        double plotTop = bandsTop + spans.size() * BAND_ROW;
        double axisY = plotTop + Math.max(1, levels.used) * ROW + ROW / 2;

        List<Marker> markers = new ArrayList<>();
        for ( int i = 0 ; i < items.size() ; i++ ) {
            double x = scale.x(items.get(i).date());
            int level = placed[i][0];
            boolean anchorEnd = placed[i][1] == 1;
            double y = axisY - level * ROW;
            markers.add(new Marker(i, level, x, y, anchorEnd ? x - GAP : x + GAP, y + 4, anchorEnd,
                                   cut(items.get(i).label())));
        }

        List<Band> bands = new ArrayList<>();
        for ( int i = 0 ; i < spans.size() ; i++ ) {
            Span span = spans.get(i);
            double x = scale.x(span.start());
            double width = Math.max(3, scale.x(span.end()) - x);
            double y = bandsTop + i * BAND_ROW;
            String text = cut(span.label());
            boolean anchorEnd = x + 4 + labelWidth(text) > WIDTH - MARGIN;
            bands.add(new Band(i, x, y, width, axisY - y, anchorEnd ? x + width - 4 : x + 4, y + 13, anchorEnd, text));
        }
        return new Layout(WIDTH, axisY + TICK_SPACE, axisY, MARGIN, WIDTH - MARGIN, ticks(scale), markers, bands);
    }

    /** Whether the label of the item does not fit rightwards of its marker. */
    private static boolean drawnLeftwards(Scale scale, Item item) {
        return scale.x(item.date()) + GAP + labelWidth(item.label()) > WIDTH - MARGIN;
    }

    /** First-of-month ticks inside the scale, every 1, 2, 3, 6 or 12 months so that there are at most 12. */
    static List<Tick> ticks(Scale scale) {
        LocalDate first = scale.start().withDayOfMonth(1);
        if ( first.isBefore(scale.start()) )
            first = first.plusMonths(1);
        long months = MONTHS.between(first, scale.end()) + 1;
        int step = 12 * (int) Math.max(1, Math.ceil(months / 144.0));
        for ( int candidate : new int[] {1, 2, 3, 6} )
            if ( months <= 12L * candidate ) {
                step = candidate;
                break;
            }
        // Ticks on round months: every quarter on Jan, Apr, Jul, Oct; yearly ones on January.
        int align = Math.min(step, 12);
        while ( (first.getMonthValue() - 1) % align != 0 )
            first = first.plusMonths(1);
        List<Tick> ticks = new ArrayList<>();
        for ( LocalDate m = first ; !m.isAfter(scale.end()) ; m = m.plusMonths(step) )
            ticks.add(new Tick(scale.x(m), m, ticks.isEmpty() || m.getMonthValue() == 1));
        return ticks;
    }

    /** The label as drawn: at most {@link #MAX_CHARS} characters, cut at a word with an ellipsis. */
    static String cut(String label) {
        String text = label.strip().replaceAll("\\s+", " ");
        if ( text.codePointCount(0, text.length()) <= MAX_CHARS )
            return text;
        String head = text.substring(0, text.offsetByCodePoints(0, MAX_CHARS - 1));
        int space = head.lastIndexOf(' ');
        if ( space > MAX_CHARS / 2 )
            head = head.substring(0, space);
        return head.stripTrailing() + "\u2026";
    }

    /** The estimated width of a label as drawn. */
    static double labelWidth(String label) {
        String text = cut(label);
        return text.codePointCount(0, text.length()) * CHAR_WIDTH;
    }

    /**
     * What is taken on each level: label texts, markers, and stems passing through to markers
     * above. A marker on the stem of another of the same date is fine; a label over a marker
     * or a stem is not.
     */
    private static final class Levels {
        private final List<List<double[]>> texts = new ArrayList<>();
        private final List<List<Double>> dots = new ArrayList<>();
        private final List<List<Double>> stems = new ArrayList<>();
        private int used = 0;

        /** Places a label of the width for a marker at x; returns {level, anchorEnd ? 1 : 0}. */
        int[] place(double x, double width) {
            double[] right = {x + GAP, x + GAP + width};
            double[] left = {x - GAP - width, x - GAP};
            boolean rightFits = right[1] <= WIDTH - MARGIN;
            boolean leftFits = left[0] >= MARGIN;
            // Rightwards unless it runs off the edge; leftwards as the second choice on each level.
            List<double[]> choices = new ArrayList<>();
            if ( rightFits || !leftFits )
                choices.add(right);
            if ( leftFits )
                choices.add(left);
            // The lowest level where the label is clear and its stem crosses no label; else
            // where the label is clear (the label's halo then hides the stem).
            for ( boolean stemMustBeClear : new boolean[] {true, false} )
                for ( int level = 1 ; level <= MAX_LEVELS ; level++ ) {
                    if ( stemMustBeClear && !stemClear(x, level) )
                        continue;
                    for ( double[] extent : choices )
                        if ( clashes(x, extent, level) == 0 )
                            return take(x, extent, level, extent == left);
                }
            // Crowded beyond MAX_LEVELS: the level with the fewest clashes, first choice of side.
            int best = 1;
            long fewest = Long.MAX_VALUE;
            for ( int level = 1 ; level <= MAX_LEVELS ; level++ ) {
                long clashes = clashes(x, choices.get(0), level);
                if ( clashes < fewest ) {
                    fewest = clashes;
                    best = level;
                }
            }
            return take(x, choices.get(0), best, choices.get(0) == left);
        }

        private int[] take(double x, double[] extent, int level, boolean anchorEnd) {
            grow(level);
            texts.get(level).add(extent);
            dots.get(level).add(x);
            for ( int below = 1 ; below < level ; below++ )
                stems.get(below).add(x);
            used = Math.max(used, level);
            return new int[] {level, anchorEnd ? 1 : 0};
        }

        /** No label on the levels below crosses a stem at x rising to {@code level}. */
        private boolean stemClear(double x, int level) {
            for ( int below = 1 ; below < Math.min(level, texts.size()) ; below++ )
                if ( covers(texts.get(below), x, PAD / 2) )
                    return false;
            return true;
        }

        /** How many things the label extent and the marker at x would clash with on the level. */
        private long clashes(double x, double[] extent, int level) {
            if ( level >= texts.size() )
                return 0;
            long n = texts.get(level).stream()
                .filter(t -> extent[0] < t[1] + PAD && t[0] < extent[1] + PAD).count();
            n += dots.get(level).stream()
                .filter(d -> Math.abs(d - x) < 2 * DOT + 1
                             || (d >= extent[0] - DOT - PAD / 2 && d <= extent[1] + DOT + PAD / 2)).count();
            n += stems.get(level).stream()
                .filter(s -> s >= extent[0] - PAD / 2 && s <= extent[1] + PAD / 2).count();
            return covers(texts.get(level), x, DOT + PAD / 2) ? n + 1 : n;
        }

        private static boolean covers(List<double[]> extents, double x, double clearance) {
            for ( double[] t : extents )
                if ( x >= t[0] - clearance && x <= t[1] + clearance )
                    return true;
            return false;
        }

        private void grow(int level) {
            while ( texts.size() <= level ) {
                texts.add(new ArrayList<>());
                dots.add(new ArrayList<>());
                stems.add(new ArrayList<>());
            }
        }
    }

    private TimelineLayout() {}
}
