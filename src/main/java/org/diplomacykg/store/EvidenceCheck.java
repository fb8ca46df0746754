package org.diplomacykg.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * Evidence spans against the article text. A span is a Web Annotation text quote selector:
 * {@code oa:exact}, with {@code oa:prefix} and {@code oa:suffix} where the exact words occur
 * more than once. Its quotation, prefix + exact + suffix, must be the article's own words,
 * verbatim, and must name one place in the text, or the fact it supports cannot be traced
 * back. Used by the bundle loader and the write gate (which refuse a bundle or write with a
 * bad span) and by the data tests.
 */
public final class EvidenceCheck {

    private static final String OA = "http://www.w3.org/ns/oa#";
    /** Web Annotation's oa:exact, the quoted span of a text selector. */
    public static final Node OA_EXACT = NodeFactory.createURI(OA + "exact");
    static final Node OA_PREFIX = NodeFactory.createURI(OA + "prefix");
    static final Node OA_SUFFIX = NodeFactory.createURI(OA + "suffix");

    /** One text quote selector: the exact words, and the words just before and after ("" where not given). */
    public record Span(String exact, String prefix, String suffix) {
        /** What must occur in the text, once. */
        public String quotation() {
            return prefix + exact + suffix;
        }

        @Override
        public String toString() {
            if ( prefix.isEmpty() && suffix.isEmpty() )
                return '"' + exact + '"';
            return '"' + exact + "\" (prefix \"" + prefix + "\", suffix \"" + suffix + "\")";
        }
    }

    /** The spans of a graph: each subject with a literal {@code oa:exact}, with its prefix and suffix. */
    public static List<Span> spans(Graph facts) {
        Set<Span> spans = new LinkedHashSet<>();
        facts.find(Node.ANY, OA_EXACT, Node.ANY).forEachRemaining(t -> {
            // A non-literal oa:exact is the shapes' business (sh:datatype).
            if ( t.getObject().isLiteral() )
                spans.add(new Span(t.getObject().getLiteralLexicalForm(),
                                   literal(facts, t.getSubject(), OA_PREFIX), literal(facts, t.getSubject(), OA_SUFFIX)));
        });
        return new ArrayList<>(spans);
    }

    /**
     * What is wrong with each span that does not name exactly one place in the text, one line
     * each, in the spans' order: an empty span, a quotation not in the text, or exact words that
     * occur more than once with no prefix or suffix to tell the occurrences apart.
     */
    public static List<String> problems(String text, Collection<Span> spans) {
        List<String> problems = new ArrayList<>();
        for ( Span span : spans ) {
            int count = occurrences(text, span.quotation());
            if ( span.exact().isEmpty() )
                problems.add("an empty oa:exact quotes nothing");
            else if ( count == 0 )
                problems.add(span + " does not occur verbatim in the text (it must copy the article's words character for character)");
            else if ( count > 1 )
                problems.add(span + " occurs " + count + " times in the text: add an oa:prefix and/or oa:suffix"
                    + " (the words just before or after it) so that it names one place");
        }
        return problems;
    }

    /** Counts occurrences, overlapping ones included ("aa" occurs twice in "aaa"). */
    public static int occurrences(String text, String span) {
        if ( span.isEmpty() )
            return 0;
        int count = 0;
        for ( int at = text.indexOf(span); at >= 0; at = text.indexOf(span, at + 1) )
            count++;
        return count;
    }

    private static String literal(Graph g, Node subject, Node property) {
        return g.find(subject, property, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isLiteral)
                .mapWith(Node::getLiteralLexicalForm).nextOptional().orElse("");
    }

    private EvidenceCheck() {}
}
