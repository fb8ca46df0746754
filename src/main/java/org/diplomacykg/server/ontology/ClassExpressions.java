package org.diplomacykg.server.ontology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;

/**
 * Reading the blank-node structures of an OWL ontology for the documentation page: RDF lists,
 * and anonymous class expressions rendered in Manchester-like words
 * ({@code dkg:attributedTo some dkg:Person}, {@code dkg:State or dkg:InternationalOrganisation}),
 * as Protégé would show them.
 */
final class ClassExpressions {

    /** Restriction predicates and their Manchester keyword; a trailing {@code #} marks a cardinality. */
    private static final Map<Node, String> RESTRICTIONS = restrictions();

    private static final int MAX_DEPTH = 4;

    private ClassExpressions() {}

    /** The members of an RDF list; a malformed or cyclic list ends where it goes wrong. */
    static List<Node> list(Graph graph, Node head) {
        List<Node> members = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Node cell = head;
        while ( cell != null && !RDF.Nodes.nil.equals(cell) && !cell.isLiteral() && seen.add(cell) ) {
            Node member = first(graph, cell, RDF.Nodes.first);
            if ( member == null )
                break;
            members.add(member);
            cell = first(graph, cell, RDF.Nodes.rest);
        }
        return members;
    }

    /** The class expression at {@code n} in words, IRIs written by {@code name}. */
    static String render(Graph graph, Node n, Function<Node, String> name) {
        return new Renderer(graph, name).expression(n, 0);
    }

    private record Renderer(Graph graph, Function<Node, String> name) {

        String expression(Node n, int depth) {
            if ( n.isURI() )
                return name.apply(n);
            if ( n.isLiteral() )
                return n.getLiteralLexicalForm();
            if ( depth > MAX_DEPTH )
                return "…";
            Node union = first(graph, n, OWL2.unionOf.asNode());
            if ( union != null )
                return joined(list(graph, union), " or ", depth);
            Node intersection = first(graph, n, OWL2.intersectionOf.asNode());
            if ( intersection != null )
                return joined(list(graph, intersection), " and ", depth);
            Node oneOf = first(graph, n, OWL2.oneOf.asNode());
            if ( oneOf != null )
                return "{" + joined(list(graph, oneOf), ", ", depth) + "}";
            Node complement = first(graph, n, OWL2.complementOf.asNode());
            if ( complement != null )
                return "not " + expression(complement, depth + 1);
            Node property = first(graph, n, OWL2.onProperty.asNode());
            return property == null ? "anonymous class" : restriction(n, expression(property, depth + 1), depth);
        }

        private String restriction(Node n, String property, int depth) {
            Node filler = first(graph, n, OWL2.onClass.asNode());
            if ( filler == null )
                filler = first(graph, n, OWL2.onDataRange.asNode());
            String qualified = filler == null ? "" : " " + expression(filler, depth + 1);
            for ( Map.Entry<Node, String> r : RESTRICTIONS.entrySet() ) {
                Node value = first(graph, n, r.getKey());
                if ( value == null )
                    continue;
                String keyword = r.getValue();
                if ( keyword.equals("Self") )
                    return property + " Self";
                if ( keyword.endsWith("#") )
                    return property + " " + keyword.substring(0, keyword.length() - 1) + " "
                           + value.getLiteralLexicalForm() + qualified;
                return property + " " + keyword + " " + expression(value, depth + 1);
            }
            return "restriction on " + property;
        }

        private String joined(List<Node> nodes, String separator, int depth) {
            return nodes.stream()
                .map(m -> m.isBlank() ? "(" + expression(m, depth + 1) + ")" : expression(m, depth + 1))
                .collect(Collectors.joining(separator));
        }
    }

    private static Node first(Graph graph, Node s, Node p) {
        ExtendedIterator<Triple> it = graph.find(s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            it.close();
        }
    }

    private static Map<Node, String> restrictions() {
        Map<Node, String> map = new LinkedHashMap<>();
        map.put(OWL2.someValuesFrom.asNode(), "some");
        map.put(OWL2.allValuesFrom.asNode(), "only");
        map.put(OWL2.hasValue.asNode(), "value");
        map.put(OWL2.hasSelf.asNode(), "Self");
        map.put(OWL2.minQualifiedCardinality.asNode(), "min#");
        map.put(OWL2.maxQualifiedCardinality.asNode(), "max#");
        map.put(OWL2.qualifiedCardinality.asNode(), "exactly#");
        map.put(OWL2.minCardinality.asNode(), "min#");
        map.put(OWL2.maxCardinality.asNode(), "max#");
        map.put(OWL2.cardinality.asNode(), "exactly#");
        return map;
    }
}
