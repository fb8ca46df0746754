package org.diplomacykg.reasoning.domain;

import java.util.Comparator;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.NodeValue;

/** Orders xsd:dateTime literals by their value, as SPARQL does. */
final class Dates {

    static final Comparator<Node> ORDER = Dates::compare;

    static int compare(Node a, Node b) {
        return NodeValue.compareAlways(NodeValue.makeNode(a), NodeValue.makeNode(b));
    }

    /** True if {@code node} is a literal SPARQL can compare as a date-time. */
    static boolean isDate(Node node) {
        return node != null && node.isLiteral() && NodeValue.makeNode(node).isDateTime();
    }

    private Dates() {}
}
