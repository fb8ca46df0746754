package org.diplomacykg.server.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.diplomacykg.server.PublicUrls;
import org.diplomacykg.server.pages.TimelineData.Band;
import org.diplomacykg.server.pages.TimelineData.Entry;
import org.diplomacykg.server.pages.TimelineData.Event;
import org.diplomacykg.server.pages.TimelineData.Link;
import org.diplomacykg.server.pages.TimelineData.Timeline;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Slugs;

/**
 * The model {@code timeline.ftlh} renders: the gathered {@link TimelineData}, the
 * {@link TimelineLayout} of its picture, dates written out, links mapped onto this server,
 * and the page's words in English or Indonesian. Plain values only; the template escapes.
 */
final class TimelinePage {

    /** The languages pages are written in; the first is the default. */
    static final List<String> LANGUAGES = List.of("en", "id");

    private static final String[] MONTHS_EN = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] MONTHS_ID = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};

    private static final Map<String, String> WORDS_EN = Map.ofEntries(
        Map.entry("timeline", "Timeline"),
        Map.entry("timelines", "Timelines"),
        Map.entry("position", "negotiating position"),
        Map.entry("state", "state"),
        Map.entry("positions", "Negotiating positions"),
        Map.entry("states", "States"),
        Map.entry("heldBy", "held by"),
        Map.entry("onIssue", "on"),
        Map.entry("description", "description"),
        Map.entry("unchangedSince", "reported unchanged since"),
        Map.entry("comparedWith", "unchanged compared with"),
        Map.entry("asOf", "as of"),
        Map.entry("accordingTo", "according to"),
        Map.entry("hedged", "hedged"),
        Map.entry("lastReaffirmed", "last reaffirmed"),
        Map.entry("derived", "derived by the reasoners from the statements below"),
        Map.entry("events", "Events in date order"),
        Map.entry("date", "Date"),
        Map.entry("kind", "Kind"),
        Map.entry("event", "Event"),
        Map.entry("quote", "Quote or content"),
        Map.entry("undated", "undated"),
        Map.entry("undatedHeading", "Undated"),
        Map.entry("noEvents", "No dated events are recorded."),
        Map.entry("inferred", "inferred"),
        Map.entry("picture", "Timeline picture"),
        Map.entry("role.reaffirms", "reaffirms"),
        Map.entry("role.revises", "revises"),
        Map.entry("role.baseline", "baseline"),
        Map.entry("role.planned", "planned"),
        Map.entry("notFound", "No timeline here"),
        Map.entry("invalidSlug", "is not a valid name: names are lower-case ASCII letters and digits, words joined by hyphens."),
        Map.entry("unknown", "Nothing is known as"),
        Map.entry("hasNone", "has no timeline."),
        Map.entry("onlyFor", "Timelines are drawn for negotiating positions and states."),
        Map.entry("available", "Available timelines"));

    private static final Map<String, String> WORDS_ID = Map.ofEntries(
        Map.entry("timeline", "Linimasa"),
        Map.entry("timelines", "Linimasa"),
        Map.entry("position", "posisi negosiasi"),
        Map.entry("state", "negara"),
        Map.entry("positions", "Posisi negosiasi"),
        Map.entry("states", "Negara"),
        Map.entry("heldBy", "dipegang oleh"),
        Map.entry("onIssue", "tentang"),
        Map.entry("description", "deskripsi"),
        Map.entry("unchangedSince", "dilaporkan tidak berubah sejak"),
        Map.entry("comparedWith", "tidak berubah dibandingkan dengan"),
        Map.entry("asOf", "per"),
        Map.entry("accordingTo", "menurut"),
        Map.entry("hedged", "dengan kualifikasi"),
        Map.entry("lastReaffirmed", "terakhir ditegaskan"),
        Map.entry("derived", "diturunkan oleh penalar dari pernyataan di bawah"),
        Map.entry("events", "Peristiwa menurut tanggal"),
        Map.entry("date", "Tanggal"),
        Map.entry("kind", "Jenis"),
        Map.entry("event", "Peristiwa"),
        Map.entry("quote", "Kutipan atau isi"),
        Map.entry("undated", "tanpa tanggal"),
        Map.entry("undatedHeading", "Tanpa tanggal"),
        Map.entry("noEvents", "Tidak ada peristiwa bertanggal."),
        Map.entry("inferred", "disimpulkan"),
        Map.entry("picture", "Gambar linimasa"),
        Map.entry("role.reaffirms", "menegaskan kembali"),
        Map.entry("role.revises", "merevisi"),
        Map.entry("role.baseline", "acuan"),
        Map.entry("role.planned", "direncanakan"),
        Map.entry("notFound", "Tidak ada linimasa di sini"),
        Map.entry("invalidSlug", "bukan nama yang sah: nama terdiri atas huruf ASCII kecil dan angka, kata-kata dihubungkan tanda hubung."),
        Map.entry("unknown", "Tidak ada yang dikenal sebagai"),
        Map.entry("hasNone", "tidak memiliki linimasa."),
        Map.entry("onlyFor", "Linimasa dibuat untuk posisi negosiasi dan negara."),
        Map.entry("available", "Linimasa yang tersedia"));

    private final String base;
    private final String lang;
    private final Map<String, String> words;

    TimelinePage(String base, String lang) {
        this.base = base;
        this.lang = LANGUAGES.contains(lang) ? lang : LANGUAGES.get(0);
        this.words = "id".equals(this.lang) ? WORDS_ID : WORDS_EN;
    }

    /** The model of the timeline page. */
    Map<String, Object> timeline(Timeline timeline, String path) {
        Map<String, Object> model = common("timeline", path);
        model.put("subject", Map.of(
            "label", timeline.label(),
            "kind", words.get(timeline.kind() == TimelineData.Kind.STATE ? "state" : "position"),
            "href", PublicUrls.local(timeline.iri(), base)));
        model.put("holders", links(timeline.holders()));
        model.put("issues", links(timeline.issues()));
        model.put("positions", links(timeline.positions()));
        model.put("bands", timeline.bands().stream().map(this::band).toList());
        model.put("rows", timeline.dated().stream().map(this::row).toList());
        model.put("undated", timeline.undated().stream().map(this::row).toList());
        TimelineLayout.Layout layout = TimelineLayout.layout(
            timeline.dated().stream().map(e -> new TimelineLayout.Item(e.date(), e.label())).toList(),
            timeline.bands().stream().map(b -> new TimelineLayout.Span(b.since(), b.lastReaffirmed(), bandText(b))).toList());
        if ( layout != null )
            model.put("svg", svg(layout, timeline));
        return model;
    }

    /** The model of the page listing the timelines there are, with a message when one was asked for and is not there. */
    Map<String, Object> missing(List<Entry> available, String path, Map<String, Object> problem) {
        Map<String, Object> model = common(problem == null ? "index" : "missing", path);
        model.put("problem", problem == null ? Map.of() : problem);
        List<Map<String, String>> positions = new ArrayList<>();
        List<Map<String, String>> states = new ArrayList<>();
        for ( Entry entry : available )
            (entry.kind() == TimelineData.Kind.STATE ? states : positions).add(link(entry.iri(), entry.label(), true));
        model.put("availablePositions", positions);
        model.put("availableStates", states);
        return model;
    }

    /** A problem naming the thing and its page: it is known, but has no timeline. */
    Map<String, Object> notApplicable(TimelineData.NotApplicable thing) {
        return Map.of("kind", "notApplicable", "label", thing.label(), "href", PublicUrls.local(thing.iri(), base),
                      "types", String.join(", ", thing.types()));
    }

    /** A problem: nothing is known as this IRI. */
    Map<String, Object> unknown(String iri) {
        return Map.of("kind", "unknown", "iri", iri);
    }

    /** A problem: the name asked for is not a slug. */
    Map<String, Object> invalid(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "\u2026" : name;
        return Map.of("kind", "invalid", "name", shown);
    }

    private Map<String, Object> common(String view, String path) {
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("base", base);
        model.put("lang", lang);
        model.put("t", words);
        List<Map<String, String>> switches = new ArrayList<>();
        for ( String other : LANGUAGES )
            if ( !other.equals(lang) )
                switches.add(Map.of("lang", other, "name", "id".equals(other) ? "Bahasa Indonesia" : "English",
                                    "href", base + path + "?lang=" + other));
        model.put("languages", switches);
        return model;
    }

    private Map<String, Object> svg(TimelineLayout.Layout layout, Timeline timeline) {
        Map<String, Object> svg = new HashMap<>();
        svg.put("width", r(layout.width()));
        svg.put("height", r(layout.height()));
        svg.put("axisY", r(layout.axisY()));
        svg.put("axisLeft", r(layout.axisLeft()));
        svg.put("axisRight", r(layout.axisRight()));
        svg.put("title", words.get("picture") + ": " + timeline.label());
        // Month names start at their tick, except near the right edge where they end there.
        svg.put("ticks", layout.ticks().stream().map(tick -> Map.of(
            "x", r(tick.x()),
            "labelX", r(tick.x() > layout.width() - 80 ? tick.x() - 3 : tick.x() + 3),
            "anchor", tick.x() > layout.width() - 80 ? "end" : "start",
            "text", month(tick.month(), tick.withYear()))).toList());
        List<Map<String, Object>> markers = new ArrayList<>();
        for ( TimelineLayout.Marker m : layout.markers() ) {
            Event event = timeline.dated().get(m.index());
            Map<String, Object> marker = new HashMap<>();
            marker.put("x", r(m.x()));
            marker.put("y", r(m.y()));
            marker.put("labelX", r(m.labelX()));
            marker.put("labelY", r(m.labelY()));
            marker.put("anchor", m.anchorEnd() ? "end" : "start");
            marker.put("text", m.text());
            marker.put("title", day(event.date()) + " \u00b7 " + kind(event) + " \u00b7 " + event.label());
            marker.put("href", PublicUrls.local(event.iri(), base));
            marker.put("role", event.role().name().toLowerCase(Locale.ROOT));
            markers.add(marker);
        }
        svg.put("markers", markers);
        List<Map<String, Object>> bands = new ArrayList<>();
        for ( TimelineLayout.Band b : layout.bands() ) {
            Band band = timeline.bands().get(b.index());
            Map<String, Object> m = new HashMap<>();
            m.put("x", r(b.x()));
            m.put("y", r(b.y()));
            m.put("width", r(b.width()));
            m.put("height", r(b.height()));
            m.put("labelX", r(b.labelX()));
            m.put("labelY", r(b.labelY()));
            m.put("anchor", b.anchorEnd() ? "end" : "start");
            m.put("text", b.text());
            m.put("title", band.positionLabel() + ": " + bandText(band)
                           + (band.lastReaffirmed() == null ? "" : ", " + words.get("lastReaffirmed") + " " + day(band.lastReaffirmed()))
                           + " (" + words.get("inferred") + ")");
            bands.add(m);
        }
        svg.put("bands", bands);
        return svg;
    }

    private Map<String, Object> row(Event event) {
        Map<String, Object> row = new HashMap<>();
        row.put("iso", event.date() == null ? "" : event.date().toString());
        row.put("date", event.date() == null ? "" : day(event.date()));
        row.put("kind", kind(event));
        row.put("role", event.role().name().toLowerCase(Locale.ROOT));
        row.put("label", event.label());
        row.put("href", PublicUrls.local(event.iri(), base));
        row.put("text", event.text() == null ? "" : event.text());
        row.put("textLang", event.textLang() == null ? "" : event.textLang());
        row.put("quoted", event.quoted());
        row.put("gloss", event.gloss() == null ? "" : event.gloss());
        row.put("when", event.when() == null ? "" : event.when());
        row.put("inferred", event.inferred());
        return row;
    }

    private Map<String, Object> band(Band band) {
        Map<String, Object> m = new HashMap<>();
        m.put("position", band.positionLabel());
        m.put("href", timelineUrl(band.positionIri()));
        m.put("sinceIso", band.since().toString());
        m.put("since", day(band.since()));
        m.put("lastIso", band.lastReaffirmed() == null ? "" : band.lastReaffirmed().toString());
        m.put("last", band.lastReaffirmed() == null ? "" : day(band.lastReaffirmed()));
        m.put("assessments", band.assessments().stream().map(this::assessment).toList());
        return m;
    }

    /** One line saying what "unchanged" means: compared with what, as of when, whose account, hedged how. */
    private Map<String, Object> assessment(TimelineData.Assessment a) {
        Map<String, Object> m = new HashMap<>();
        m.put("baseline", a.baselineLabel());
        m.put("href", PublicUrls.local(a.baselineIri(), base));
        m.put("baselineIso", a.baselineDate() == null ? "" : a.baselineDate().toString());
        m.put("baselineDate", a.baselineDate() == null ? "" : day(a.baselineDate()));
        m.put("asOfIso", a.asOf() == null ? "" : a.asOf().toString());
        m.put("asOf", a.asOf() == null ? "" : day(a.asOf()));
        m.put("accordingTo", String.join(", ", a.accordingTo()));
        m.put("hedges", String.join(", ", a.hedges()));
        return m;
    }

    /** "statement · reaffirms": the class label, and the role where it says more. */
    private String kind(Event event) {
        String type = event.typeLabel() == null ? "" : event.typeLabel();
        String role = words.get("role." + event.role().name().toLowerCase(Locale.ROOT));
        if ( role == null )
            return type;
        return type.isEmpty() ? role : type + " \u00b7 " + role;
    }

    private String bandText(Band band) {
        return words.get("unchangedSince") + " " + day(band.since());
    }

    private List<Map<String, String>> links(List<Link> links) {
        return links.stream().map(l -> link(l.iri(), l.label(), l.hasTimeline())).toList();
    }

    /** A link to a thing's page, and to its timeline if it has one. */
    private Map<String, String> link(String iri, String label, boolean hasTimeline) {
        String timeline = hasTimeline ? timelineUrl(iri) : null;
        return timeline == null
            ? Map.of("label", label, "href", PublicUrls.local(iri, base))
            : Map.of("label", label, "href", PublicUrls.local(iri, base), "timeline", timeline);
    }

    private String timelineUrl(String iri) {
        if ( !iri.startsWith(DKG.ID_BASE) )
            return null;
        String slug = iri.substring(DKG.ID_BASE.length());
        return Slugs.isValid(slug) ? base + "/timeline/" + slug : null;
    }

    /** "15 Aug 2025", or "15 Agu 2025" in Indonesian. */
    String day(LocalDate date) {
        return date.getDayOfMonth() + " " + months()[date.getMonthValue() - 1] + " " + date.getYear();
    }

    private String month(LocalDate date, boolean withYear) {
        String name = months()[date.getMonthValue() - 1];
        return withYear ? name + " " + date.getYear() : name;
    }

    private String[] months() {
        return "id".equals(lang) ? MONTHS_ID : MONTHS_EN;
    }

    /** One decimal place is plenty for SVG coordinates. */
    private static double r(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
