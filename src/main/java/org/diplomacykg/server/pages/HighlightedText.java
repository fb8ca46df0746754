package org.diplomacykg.server.pages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An article's text cut into paragraphs and segments for highlighting its evidence spans.
 * Spans may overlap or nest, so they cannot each be one element: the text is split at every
 * span boundary (and at every line break, where paragraphs end), and each segment carries all
 * the spans that cover it, innermost (shortest) first.
 */
public final class HighlightedText {

    /** A located span: {@code [start, end)} in the text, and its anchor. */
    public record Placed(String anchor, int start, int end) {
        int length() {
            return end - start;
        }
    }

    /**
     * A piece of one paragraph; {@code spans} are the anchors covering it, innermost first
     * (empty for plain text); {@code starts} those of them that begin here (their first segment).
     */
    public record Segment(String text, List<String> spans, List<String> starts) {
        /** The span a click on the segment selects: the innermost one. */
        public String target() {
            return spans.isEmpty() ? null : spans.get(0);
        }

        /** The anchors, space-separated, for an attribute that CSS matches with {@code ~=}. */
        public String spanList() {
            return String.join(" ", spans);
        }
    }

    /**
     * Where a text quote selector points: the first place where {@code prefix + exact + suffix}
     * occurs (a missing prefix or suffix constrains nothing), as the index of {@code exact}; -1
     * when it does not occur.
     */
    static int locate(String text, String exact, String prefix, String suffix) {
        if ( exact == null || exact.isEmpty() )
            return -1;
        String before = prefix == null ? "" : prefix;
        String whole = before + exact + (suffix == null ? "" : suffix);
        int at = text.indexOf(whole);
        return at < 0 ? -1 : at + before.length();
    }

    /** The text as paragraphs (separated by line breaks; blank lines dropped) of segments. */
    static List<List<Segment>> segments(String text, List<Placed> spans) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        cuts.add(text.length());
        for ( Placed p : spans ) {
            cuts.add(p.start());
            cuts.add(p.end());
        }
        for ( int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1) ) {
            cuts.add(i);
            cuts.add(i + 1);
        }
        List<Placed> byLength = new ArrayList<>(spans);
        byLength.sort((a, b) -> a.length() != b.length() ? Integer.compare(a.length(), b.length())
                                                         : Integer.compare(a.start(), b.start()));
        List<List<Segment>> paragraphs = new ArrayList<>();
        List<Segment> paragraph = new ArrayList<>();
        Set<String> started = new HashSet<>();
        Integer from = null;
        for ( int to : cuts ) {
            if ( from != null && to > from ) {
                String piece = text.substring(from, to);
                if ( piece.equals("\n") ) {
                    if ( !paragraph.isEmpty() )
                        paragraphs.add(paragraph);
                    paragraph = new ArrayList<>();
                } else {
                    List<String> covering = new ArrayList<>();
                    for ( Placed p : byLength ) {
                        if ( p.start() <= from && p.end() >= to && !covering.contains(p.anchor()) )
                            covering.add(p.anchor());
                    }
                    List<String> starts = covering.stream().filter(started::add).toList();
                    paragraph.add(new Segment(piece, List.copyOf(covering), starts));
                }
            }
            from = to;
        }
        if ( !paragraph.isEmpty() )
            paragraphs.add(paragraph);
        return paragraphs;
    }

    private HighlightedText() {}
}
