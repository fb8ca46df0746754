package org.diplomacykg.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * Evidence spans against the article text: every {@code oa:exact} of a bundle must be the
 * article's own words, verbatim, or the fact it supports cannot be traced back. Used by the
 * bundle loader (a span that is not in the text refuses the bundle) and by the data tests
 * (which also insist on exactly one occurrence, so that each fact points at one place).
 */
public final class EvidenceCheck {

    /** Web Annotation's oa:exact, the quoted span of a text selector. */
    public static final Node OA_EXACT = NodeFactory.createURI("http://www.w3.org/ns/oa#exact");

    /** The spans of a graph: the lexical forms of its {@code oa:exact} literals. */
    public static List<String> spans(Graph facts) {
        List<String> spans = new ArrayList<>();
        facts.find(Node.ANY, OA_EXACT, Node.ANY)
             .mapWith(Triple::getObject)
             .filterKeep(Node::isLiteral)
             .forEachRemaining(o -> spans.add(o.getLiteralLexicalForm()));
        return spans;
    }

    /** Whether a triple is an evidence span, for loaders that see triples one at a time. */
    public static boolean isSpan(Triple t) {
        return OA_EXACT.equals(t.getPredicate()) && t.getObject().isLiteral();
    }

    /** Each span that does not occur exactly once in the text, with how often it does, in the spans' order. */
    public static Map<String, Integer> notExactlyOnce(String text, Collection<String> spans) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for ( String span : spans ) {
            int count = occurrences(text, span);
            if ( count != 1 )
                out.put(span, count);
        }
        return out;
    }

    /** The spans that do not occur in the text at all (an empty span quotes nothing), in order, without repeats. */
    public static List<String> missing(String text, Collection<String> spans) {
        return spans.stream().distinct().filter(span -> span.isEmpty() || !text.contains(span)).toList();
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

    private EvidenceCheck() {}
}
