package org.diplomacykg.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Days of the synthetic world as epoch day numbers (compact, ordered, easy to compare), and
 * their forms in the data: {@code xsd:dateTime} at the start of the day, as the project dates
 * things, and English words for the article texts.
 */
final class Days {

    /** The first and last day articles are published on. */
    static final int START = (int) LocalDate.of(2000, 1, 1).toEpochDay();
    static final int END = (int) LocalDate.of(2025, 12, 31).toEpochDay();

    /** "No such day", for ledgers; below every real day. */
    static final int NONE = Integer.MIN_VALUE;

    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    static Node literal(int day) {
        return NodeFactory.createLiteralDT(lexical(day), XSDDatatype.XSDdateTime);
    }

    static String lexical(int day) {
        return LocalDate.ofEpochDay(day) + "T00:00:00";
    }

    static String words(int day) {
        return LocalDate.ofEpochDay(day).format(WORDS);
    }

    private Days() {}
}
