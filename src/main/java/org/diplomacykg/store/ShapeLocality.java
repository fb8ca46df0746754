package org.diplomacykg.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;

/**
 * Whether shapes judge a node by its own triples and the types of its values only, so that a
 * write can be validated on the nodes it changed and their neighbours ({@link ChangedFocusNodes})
 * rather than on the whole store.
 * <p>
 * Shapes are local when: every SHACL term they use is in {@link #LOCAL_TERMS} (targets by class,
 * subject, object or node; counts, datatypes, strings, ranges, {@code sh:in}, {@code sh:class},
 * pair constraints on the focus node, {@code sh:closed}, logical combinations); every
 * {@code sh:path} is a single predicate followed forward; and no shape with a path is nested
 * under another one with a path (which would judge a value by the value's own triples). Terms
 * beyond these ({@code sh:node}, qualified shapes, inverse or longer paths, SPARQL constraints,
 * custom targets) can make a node's conformance depend on triples two or more steps away;
 * shapes that use them are always validated whole.
 */
final class ShapeLocality {

    private static final String SH = SHACL.getURI();

    /** The SHACL terms whose constraints look no further than the focus node's triples and its values' types. */
    static final Set<Node> LOCAL_TERMS = Set.of(
        SHACL.NodeShape, SHACL.PropertyShape,
        SHACL.targetClass, SHACL.targetSubjectsOf, SHACL.targetObjectsOf, SHACL.targetNode,
        SHACL.property, SHACL.path,
        SHACL.minCount, SHACL.maxCount, SHACL.class_, SHACL.datatype, SHACL.nodeKind,
        SHACL.IRI, SHACL.BlankNode, SHACL.Literal, SHACL.BlankNodeOrIRI, SHACL.BlankNodeOrLiteral, SHACL.IRIOrLiteral,
        SHACL.minLength, SHACL.maxLength, SHACL.pattern, SHACL.flags, SHACL.languageIn, SHACL.uniqueLang,
        SHACL.in, SHACL.hasValue,
        SHACL.minInclusive, SHACL.maxInclusive, SHACL.minExclusive, SHACL.maxExclusive,
        SHACL.equals, SHACL.disjoint, SHACL.lessThan, SHACL.lessThanOrEquals,
        SHACL.closed, SHACL.ignoredProperties,
        SHACL.or, SHACL.and, SHACL.not, SHACL.xone,
        SHACL.message, SHACL.severity, SHACL.Violation, SHACL.Warning, SHACL.Info,
        SHACL.name, SHACL.description, SHACL.deactivated, SHACL.order, SHACL.group, SHACL.defaultValue);

    /** The links from a shape to the shapes it holds that judge the same focus or value nodes. */
    private static final List<Node> NESTING = List.of(
        SHACL.property, SHACL.or, SHACL.and, SHACL.not, SHACL.xone, RDF.Nodes.first, RDF.Nodes.rest);

    /** True if the shapes graph uses only local constraints (see the class comment). */
    static boolean isLocal(Graph shapes) {
        for ( Triple t : shapes.find().toList() ) {
            if ( isShacl(t.getPredicate()) && !LOCAL_TERMS.contains(t.getPredicate()) )
                return false;
            if ( isShacl(t.getObject()) && !LOCAL_TERMS.contains(t.getObject()) )
                return false;
            if ( SHACL.path.equals(t.getPredicate()) && !t.getObject().isURI() )
                return false;
        }
        for ( Node withPath : shapes.find(Node.ANY, SHACL.path, Node.ANY).mapWith(Triple::getSubject).toSet() ) {
            if ( holdsAnotherPath(shapes, withPath) )
                return false;
        }
        return true;
    }

    private static boolean isShacl(Node node) {
        return node.isURI() && node.getURI().startsWith(SH);
    }

    /** Whether a shape reachable from {@code shape} through {@link #NESTING} has a path of its own. */
    private static boolean holdsAnotherPath(Graph shapes, Node shape) {
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.add(shape);
        seen.add(shape);
        while ( !todo.isEmpty() ) {
            Node node = todo.remove();
            if ( !node.equals(shape) && shapes.contains(node, SHACL.path, Node.ANY) )
                return true;
            for ( Node link : NESTING ) {
                shapes.find(node, link, Node.ANY).mapWith(Triple::getObject).forEach(next -> {
                    if ( seen.add(next) )
                        todo.add(next);
                });
            }
        }
        return false;
    }

    private ShapeLocality() {}
}
