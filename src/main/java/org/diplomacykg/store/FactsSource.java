package org.diplomacykg.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;

/**
 * The Turtle text of an article's facts, to say where in it a finding's thing is written: the
 * line and column where a resource is first described (its name at the start of a line), or
 * where a span's words stand. A search of the text, not a parse, since RDF keeps no positions;
 * good enough to send a reader to the right block.
 *
 * @param file the name to show (a path, or "facts" for the facts of a request)
 * @param text the Turtle
 */
public record FactsSource(String file, String text) {

    private static final Pattern PREFIX = Pattern.compile("(?im)^\\s*@?prefix\\s+([A-Za-z][\\w.-]*)?:\\s*<([^>]*)>");

    /** Line and column (1-based) of the resource {@code node}; empty if it is not written there. */
    public Optional<long[]> positionOf(Node node) {
        if ( node == null || !node.isURI() )
            return Optional.empty();
        List<String> spellings = new ArrayList<>();
        spellings.add("<" + node.getURI() + ">");
        Matcher m = PREFIX.matcher(text);
        while ( m.find() ) {
            String ns = m.group(2);
            String local = node.getURI().startsWith(ns) ? node.getURI().substring(ns.length()) : null;
            if ( local != null && !local.isEmpty() && local.matches("[\\w.-]*\\w") )
                spellings.add((m.group(1) == null ? "" : m.group(1)) + ":" + local);
        }
        int best = -1;
        for ( String s : spellings ) {
            int at = subjectAt(s);
            if ( at >= 0 && (best < 0 || at < best) )
                best = at;
        }
        if ( best < 0 ) {
            for ( String s : spellings ) {
                int at = word(s, 0);
                if ( at >= 0 && (best < 0 || at < best) )
                    best = at;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(lineColumn(best));
    }

    /** Line and column of the quoted words {@code "words"}; empty if they are not written so. */
    public Optional<long[]> positionOfQuote(String words) {
        int at = text.indexOf("\"" + words + "\"");
        if ( at < 0 )
            at = text.indexOf("\"" + words.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"");
        return at < 0 ? Optional.empty() : Optional.of(lineColumn(at));
    }

    /** The first place where {@code name} starts a line (a subject), or -1. */
    private int subjectAt(String name) {
        for ( int at = word(name, 0); at >= 0; at = word(name, at + 1) ) {
            int lineStart = text.lastIndexOf('\n', at - 1) + 1;
            if ( text.substring(lineStart, at).isBlank() )
                return at;
        }
        return -1;
    }

    /** The next place of {@code name} as a whole word at or after {@code from}, or -1. */
    private int word(String name, int from) {
        for ( int at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, at + 1) ) {
            boolean before = at == 0 || !nameChar(text.charAt(at - 1));
            int end = at + name.length();
            boolean after = end >= text.length() || !nameChar(text.charAt(end)) || (text.charAt(end) == '.' && (end + 1 >= text.length() || !nameChar(text.charAt(end + 1))));
            if ( before && after )
                return at;
        }
        return -1;
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.';
    }

    private long[] lineColumn(int offset) {
        long line = 1;
        int lineStart = 0;
        for ( int i = 0; i < offset; i++ ) {
            if ( text.charAt(i) == '\n' ) {
                line++;
                lineStart = i + 1;
            }
        }
        return new long[] { line, offset - lineStart + 1 };
    }
}
