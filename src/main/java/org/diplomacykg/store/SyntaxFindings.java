package org.diplomacykg.store;

import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;

/**
 * Check 1 of {@link BundleCheck}, syntax: Turtle parsed so that its first error is a
 * {@link Finding} naming the file, line and column, in Jena's words, with what usually fixes it.
 */
final class SyntaxFindings {

    private SyntaxFindings() {}

    /** See {@link BundleCheck#parse}. */
    static Optional<Finding> parse(String file, String turtle, String base, Graph into) {
        Finding[] found = new Finding[1];
        ErrorHandler handler = new ErrorHandler() {
            @Override public void warning(String message, long line, long col) {}
            @Override public void error(String message, long line, long col) { fail(message, line, col); }
            @Override public void fatal(String message, long line, long col) { fail(message, line, col); }
            private void fail(String message, long line, long col) {
                if ( found[0] == null )
                    found[0] = syntax(file, line, col, message);
                throw new RiotException(message);
            }
        };
        try {
            RDFParser.fromString(turtle, Lang.TURTLE).base(base).errorHandler(handler).parse(into);
        } catch (StackOverflowError ex) {
            return Optional.of(syntax(file, -1, -1, "nested too deeply to read"));
        } catch (RuntimeException ex) {
            if ( found[0] == null )
                found[0] = syntax(file, -1, -1, ex.getMessage() == null ? "not valid Turtle" : ex.getMessage());
        }
        return Optional.ofNullable(found[0]);
    }

    /** See {@link BundleCheck#syntax}. */
    static Finding syntax(String file, long line, long col, String message) {
        return new Finding(Finding.SYNTAX, file, line, col, null, null, "not valid Turtle: " + message, fix(message));
    }

    private static String fix(String message) {
        String m = message == null ? "" : message;
        if ( m.contains("Undefined prefix") || m.contains("Unresolved prefixed name") || m.contains("prefix") )
            return "declare the prefix at the top of the file, e.g. @prefix dkg: <https://w3id.org/diplomacy-kg/ontology#> . "
                + "(copy the @prefix lines of data/articles/lavrov-rubio-2025-10/facts.ttl)";
        if ( m.contains("IRI") || m.contains("Bad character") )
            return "write the IRI without spaces or quotes, e.g. :sergey-lavrov or <https://w3id.org/diplomacy-kg/id/sergey-lavrov>";
        if ( m.contains("Broken token") || m.contains("string") || m.contains("quote") )
            return "close every string with the quote that opened it; inside a string write \\\" for a quotation mark";
        return "check the statement ending here: each ends with ' .', properties of one subject are separated by ' ;', "
            + "values of one property by ' ,'";
    }
}
