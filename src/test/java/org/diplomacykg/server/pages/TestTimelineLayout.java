package org.diplomacykg.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.diplomacykg.server.pages.TimelineLayout.Item;
import org.diplomacykg.server.pages.TimelineLayout.Layout;
import org.diplomacykg.server.pages.TimelineLayout.Marker;
import org.diplomacykg.server.pages.TimelineLayout.Scale;
import org.diplomacykg.server.pages.TimelineLayout.Span;
import org.diplomacykg.server.pages.TimelineLayout.Tick;
import org.junit.jupiter.api.Test;

/** The geometry of the timeline picture, without a server. */
class TestTimelineLayout {

    private static final LocalDate ALASKA = LocalDate.of(2025, 8, 15);
    private static final LocalDate CALL = LocalDate.of(2025, 10, 20);
    private static final LocalDate PRESS = LocalDate.of(2025, 10, 21);

    @Test
    void laterDatesAreFurtherRight() {
        Scale scale = new Scale(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 2, 1), 16, 1064);
        assertEquals(16, scale.x(scale.start()), 1e-9);
        assertEquals(1064, scale.x(scale.end()), 1e-9);
        double previous = Double.NEGATIVE_INFINITY;
        for ( LocalDate d = scale.start() ; !d.isAfter(scale.end()) ; d = d.plusDays(1) ) {
            double x = scale.x(d);
            assertTrue(x > previous, d + " is not right of the day before");
            previous = x;
        }
    }

    @Test
    void theScaleCoversEveryDateWithRoomToSpare() {
        Layout layout = TimelineLayout.layout(russia(), List.of(new Span(ALASKA, PRESS, "unchanged since 15 Aug 2025")));
        Marker alaska = layout.markers().get(0);
        Marker last = layout.markers().get(layout.markers().size() - 1);
        assertTrue(alaska.x() > layout.axisLeft(), "first marker sits on the axis, not at its very end");
        assertTrue(last.x() < layout.axisRight(), "last marker sits on the axis, not at its very end");
        assertTrue(alaska.x() < layout.markers().get(1).x(), "15 Aug left of 20 Oct");
        assertTrue(layout.markers().get(1).x() < last.x(), "20 Oct left of 21 Oct");
    }

    @Test
    void aSingleDateStillGetsAnAxis() {
        Layout layout = TimelineLayout.layout(List.of(new Item(CALL, "call")), List.of());
        Marker only = layout.markers().get(0);
        assertEquals((layout.axisLeft() + layout.axisRight()) / 2, only.x(), 1.0);
        assertFalse(layout.ticks().isEmpty());
    }

    @Test
    void nothingDatedGivesNoPicture() {
        assertNull(TimelineLayout.layout(List.of(), List.of()));
    }

    @Test
    void eventsOfOneDayAreStaggered() {
        List<Item> items = new ArrayList<>();
        for ( int i = 0 ; i < 6 ; i++ )
            items.add(new Item(PRESS, "Lavrov statement number " + i));
        Layout layout = TimelineLayout.layout(items, List.of());
        assertEquals(items.size(), layout.markers().size(), "one marker per event");
        Set<Integer> levels = new HashSet<>();
        for ( Marker m : layout.markers() ) {
            assertTrue(levels.add(m.level()), "two labels of one day share level " + m.level());
            assertEquals(layout.markers().get(0).x(), m.x(), 1e-9, "one day, one x");
        }
        assertNoOverlaps(layout, true);
    }

    @Test
    void eventsFarApartShareTheLowestLevel() {
        Layout layout = TimelineLayout.layout(List.of(new Item(LocalDate.of(2020, 1, 1), "short"),
                                                      new Item(LocalDate.of(2025, 1, 1), "short")), List.of());
        assertEquals(1, layout.markers().get(0).level());
        assertEquals(1, layout.markers().get(1).level());
    }

    @Test
    void labelsNeitherOverlapNorCrossStems() {
        assertNoOverlaps(TimelineLayout.layout(russia(), List.of()), true);
    }

    @Test
    void crowdedLabelsStillDoNotOverlap() {
        Random random = new Random(42);
        List<Item> items = new ArrayList<>();
        for ( int i = 0 ; i < 60 ; i++ )
            items.add(new Item(LocalDate.of(2025, 1, 1).plusDays(random.nextInt(200)),
                               "event " + i + " " + "x".repeat(random.nextInt(40))));
        items.sort((a, b) -> a.date().compareTo(b.date()));
        Layout layout = TimelineLayout.layout(items, List.of());
        assertTrue(layout.markers().stream().mapToInt(Marker::level).max().orElseThrow() < TimelineLayout.MAX_LEVELS);
        assertNoOverlaps(layout, false);
    }

    @Test
    void labelsStayInsideThePicture() {
        Layout layout = TimelineLayout.layout(russia(), List.of());
        for ( Marker m : layout.markers() ) {
            double[] extent = extent(m);
            assertTrue(extent[0] >= 0 && extent[1] <= layout.width(), () -> m.text() + " runs off the picture");
        }
        Marker last = layout.markers().get(layout.markers().size() - 1);
        assertTrue(last.anchorEnd(), "a label at the right edge is drawn leftwards");
        assertFalse(layout.markers().get(0).anchorEnd(), "a label at the left edge is drawn rightwards");
    }

    @Test
    void longLabelsAreCutAtAWord() {
        String cut = TimelineLayout.cut("Lavrov: Russia has adjusted no point since Alaska (21 October 2025)");
        assertTrue(cut.endsWith("\u2026"), cut);
        assertTrue(cut.length() <= TimelineLayout.MAX_CHARS, cut);
        assertTrue("Lavrov: Russia has adjusted no point since Alaska (21 October 2025)".startsWith(cut.substring(0, cut.length() - 1)));
        assertEquals("short label", TimelineLayout.cut("  short \n label "));
    }

    @Test
    void bandsSpanTheirDates() {
        Span span = new Span(ALASKA, PRESS, "unchanged since 15 Aug 2025");
        Layout layout = TimelineLayout.layout(russia(), List.of(span));
        TimelineLayout.Band band = layout.bands().get(0);
        Marker alaska = layout.markers().get(0);
        Marker last = layout.markers().get(layout.markers().size() - 1);
        assertEquals(alaska.x(), band.x(), 1e-9);
        assertEquals(last.x(), band.x() + band.width(), 1e-9);
        assertEquals(layout.axisY(), band.y() + band.height(), 1e-9, "the band reaches down to the axis");
        assertTrue(band.y() < layout.markers().stream().mapToDouble(Marker::y).min().orElseThrow(),
                   "the band's label row is above every marker");
    }

    @Test
    void ticksAreMonthStartsInOrderAndNotTooMany() {
        Layout layout = TimelineLayout.layout(russia(), List.of());
        List<Tick> ticks = layout.ticks();
        assertEquals(List.of(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 1)), ticks.stream().map(Tick::month).toList(),
                     "monthly ticks between mid-August and late October");
        assertTrue(ticks.get(0).withYear(), "the first tick names its year");
        Scale decade = new Scale(LocalDate.of(2015, 3, 10), LocalDate.of(2025, 6, 1), 0, 1000);
        List<Tick> sparse = TimelineLayout.ticks(decade);
        assertTrue(sparse.size() <= 12 && sparse.size() >= 5, "ticks over ten years: " + sparse.size());
        for ( int i = 1 ; i < sparse.size() ; i++ ) {
            assertEquals(1, sparse.get(i).month().getDayOfMonth());
            assertTrue(sparse.get(i).x() > sparse.get(i - 1).x());
        }
    }

    /** The events of Russia's position: the Alaska summit, a statement on 20 October, five on 21 October. */
    private static List<Item> russia() {
        List<Item> items = new ArrayList<>();
        items.add(new Item(ALASKA, "Trump-Putin summit in Alaska, 15 August 2025"));
        items.add(new Item(CALL, "Lavrov tells Rubio Moscow's demands are unchanged (20 October 2025)"));
        for ( String label : List.of("Lavrov: American officials know Russia's position has hardly changed",
                                     "Lavrov: the goals understood in Anchorage remain the focus",
                                     "Lavrov: Russia has adjusted no point since Alaska",
                                     "Lavrov: Russia's position is entirely unchanged",
                                     "Lavrov: we remain faithful to this formula") )
            items.add(new Item(PRESS, label));
        return items;
    }

    private static double[] extent(Marker m) {
        double w = TimelineLayout.labelWidth(m.text());
        return m.anchorEnd() ? new double[] {m.labelX() - w, m.labelX()} : new double[] {m.labelX(), m.labelX() + w};
    }

    /** No two labels of one level overlap, and (if asked) no stem rises through a label below its marker. */
    private static void assertNoOverlaps(Layout layout, boolean stems) {
        List<Marker> markers = layout.markers();
        for ( Marker a : markers )
            for ( Marker b : markers ) {
                if ( a == b )
                    continue;
                double[] ea = extent(a);
                double[] eb = extent(b);
                if ( a.level() == b.level() )
                    assertFalse(ea[0] < eb[1] && eb[0] < ea[1], () -> "'" + a.text() + "' overlaps '" + b.text() + "'");
                if ( stems && b.level() < a.level() )
                    assertFalse(a.x() >= eb[0] && a.x() <= eb[1],
                                () -> "the stem of '" + a.text() + "' crosses the label '" + b.text() + "'");
            }
    }
}
