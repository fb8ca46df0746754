package org.diplomacykg.store;

import java.util.Optional;

/**
 * Where an article's text comes closest to a span that does not occur in it, so that the
 * finding can show the words to copy. The usual slips of copying by hand are typographic
 * quotes or dashes for straight ones, doubled spaces and line breaks: a span that matches once
 * those are set aside is shown with the character that differs; otherwise the longest start
 * of the span that does occur is shown, with what follows it in the text.
 */
final class NearestText {

    /** Shortest start of a span worth showing as "the nearest text". */
    private static final int MIN_PREFIX = 4;

    /** The nearest text and how the span differs from it, in words; empty when nothing is near. */
    static Optional<String> describe(String text, String span) {
        if ( span.isEmpty() )
            return Optional.empty();
        Normalised t = Normalised.of(text);
        Normalised s = Normalised.of(span);
        int at = s.text.isEmpty() ? -1 : t.text.indexOf(s.text);
        if ( at >= 0 ) {
            int end = at + s.text.length() - 1;
            String original = text.substring(t.origin[at], t.origin[end] + 1);
            return Optional.of("the text has \"" + original + "\"" + difference(span, original)
                + ": copy the text's own characters (quotes, dashes, spaces and line breaks included)");
        }
        int known = longestPrefix(text, span);
        if ( known < Math.min(MIN_PREFIX, span.length()) )
            return Optional.empty();
        int start = text.indexOf(span.substring(0, known));
        String shown = text.substring(start, Math.min(text.length(), start + span.length() + 10));
        return Optional.of("the text has \"" + shown + "\"" + difference(span, shown));
    }

    /** "; the span has X where the text has Y (character N)" for the first character that differs. */
    private static String difference(String span, String text) {
        int n = Math.min(span.length(), text.length());
        for ( int i = 0; i < n; i++ ) {
            if ( span.charAt(i) != text.charAt(i) )
                return "; at character " + (i + 1) + " the span has " + name(span.charAt(i)) + " where the text has " + name(text.charAt(i));
        }
        if ( span.length() > text.length() )
            return "; the span goes on past the end of the text's words";
        return "";
    }

    private static int longestPrefix(String text, String span) {
        // If a prefix occurs, every shorter one does: search for the longest.
        int lo = 0, hi = span.length();
        while ( lo < hi ) {
            int mid = (lo + hi + 1) >>> 1;
            if ( text.contains(span.substring(0, mid)) )
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }

    private static String name(char c) {
        if ( c == '\n' || c == '\r' )
            return "a line break";
        if ( c == ' ' )
            return "a space";
        if ( c == '\u00A0' )
            return "a no-break space (U+00A0)";
        if ( c < 0x20 || c > 0x7E )
            return String.format("'%c' (U+%04X)", c, (int) c);
        return "'" + c + "'";
    }

    /** Text with quotes, dashes and runs of white space made plain, and where each character came from. */
    private record Normalised(String text, int[] origin) {
        static Normalised of(String s) {
            StringBuilder out = new StringBuilder();
            int[] origin = new int[s.length()];
            for ( int i = 0; i < s.length(); i++ ) {
                char c = plain(s.charAt(i));
                if ( c == ' ' && out.length() > 0 && out.charAt(out.length() - 1) == ' ' )
                    continue;
                origin[out.length()] = i;
                out.append(c);
            }
            return new Normalised(out.toString(), origin);
        }

        private static char plain(char c) {
            return switch ( c ) {
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033' -> '"';
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                default -> Character.isWhitespace(c) || c == '\u00A0' ? ' ' : c;
            };
        }
    }

    private NearestText() {}
}
