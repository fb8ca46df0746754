package org.diplomacykg.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Terms no write may store, though Jena's parsers let them through with at most a warning:
 * <ul>
 * <li>an IRI with a space, a control character or one of {@code < > " { } | ^ ` \} (RFC 3987
 *     excludes them; SPARQL and Turtle escapes such as {@code \\u0020} can spell them);</li>
 * <li>a literal whose lexical form is not one of its XSD datatype ({@code "abc"^^xsd:dateTime},
 *     {@code "1.5"^^xsd:integer}): it would compare, sort and reason as nothing;</li>
 * <li>text with an unpaired surrogate (an escape such as {@code \\uD800}), which no UTF-8
 *     document can carry, so that the graph could no longer be written out.</li>
 * </ul>
 */
final class WellFormedTerms {

    /** How many faults a refusal names. */
    private static final int SHOWN = 10;

    /**
     * The faults of the terms in {@code graph} as findings (at most {@link #SHOWN}), each about
     * the subject of the triple that holds the term.
     */
    static List<Finding> findings(DatasetGraph dsg, Node graph) {
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        fault(graph).ifPresent(f -> findings.add(termFinding(null, f)));
        Iterator<Quad> quads = dsg.find(graph, Node.ANY, Node.ANY, Node.ANY);
        try {
            while ( quads.hasNext() && findings.size() < SHOWN ) {
                Quad quad = quads.next();
                for ( Node node : List.of(quad.getSubject(), quad.getPredicate(), quad.getObject()) ) {
                    Optional<String> fault = fault(node);
                    if ( fault.isPresent() && seen.add(fault.get()) )
                        findings.add(termFinding(quad.getSubject().isURI() && fault(quad.getSubject()).isEmpty() ? quad.getSubject().getURI() : null, fault.get()));
                }
            }
        } finally {
            Iter.close(quads);
        }
        return findings;
    }

    private static Finding termFinding(String subject, String fault) {
        return new Finding(Finding.TERM, null, -1, -1, subject, null, fault,
            "write IRIs without spaces or control characters, and literals in the lexical form of their datatype "
            + "(e.g. \"2025-10-20T00:00:00\"^^xsd:dateTime)");
    }

    /** What is wrong with one term, if anything. */
    static Optional<String> fault(Node node) {
        if ( node.isURI() ) {
            String iri = node.getURI();
            for ( int i = 0; i < iri.length(); i++ ) {
                char c = iri.charAt(i);
                if ( c <= 0x20 || (c >= 0x7F && c <= 0x9F) || "<>\"{}|^`\\".indexOf(c) >= 0 )
                    return Optional.of("IRI <" + printable(iri) + "> has " + describe(c) + " at position " + (i + 1));
            }
            if ( unpairedSurrogate(iri) )
                return Optional.of("IRI <" + printable(iri) + "> has an unpaired surrogate");
            return Optional.empty();
        }
        if ( node.isLiteral() ) {
            String lexical = node.getLiteralLexicalForm();
            if ( unpairedSurrogate(lexical) )
                return Optional.of("literal \"" + printable(lexical) + "\" has an unpaired surrogate");
            RDFDatatype datatype = node.getLiteralDatatype();
            if ( datatype instanceof XSDDatatype xsd && !xsd.isValid(lexical) )
                return Optional.of("\"" + printable(lexical) + "\" is not a valid " + shortName(datatype.getURI()));
        }
        return Optional.empty();
    }

    private static boolean unpairedSurrogate(String s) {
        for ( int i = 0; i < s.length(); i++ ) {
            char c = s.charAt(i);
            if ( Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) )
                i++;
            else if ( Character.isSurrogate(c) )
                return true;
        }
        return false;
    }

    private static String describe(char c) {
        return c == ' ' ? "a space" : c < 0x20 || (c >= 0x7F && c <= 0x9F) ? String.format("control character U+%04X", (int) c) : "'" + c + "'";
    }

    /** The string with control characters and unpaired surrogates shown as escapes, cut short if long. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for ( int i = 0; i < s.length() && out.length() < 200; i++ ) {
            char c = s.charAt(i);
            if ( c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) )
                out.append(String.format("\\u%04X", (int) c));
            else
                out.append(c);
        }
        return s.length() > 200 ? out + "..." : out.toString();
    }

    private static String shortName(String datatype) {
        return datatype.startsWith(XSDDatatype.XSD + "#") ? "xsd:" + datatype.substring(XSDDatatype.XSD.length() + 1) : "<" + datatype + ">";
    }

    private WellFormedTerms() {}
}
