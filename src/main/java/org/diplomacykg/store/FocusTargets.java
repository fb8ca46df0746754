package org.diplomacykg.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.engine.Target;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Decides whether a node is a target of a shape, for validating many nodes in one data graph:
 * a class target's subclasses ({@code rdfs:subClassOf*}, as SHACL defines class targets) are
 * found once per class, and a node's types once per node, so that testing n nodes against s
 * shapes costs n type lookups rather than n times s walks of the class hierarchy. Other kinds
 * of target are left to Jena ({@link VLib#isFocusNode}). For one validation: the data must not
 * change meanwhile.
 */
final class FocusTargets {

    private final Graph data;
    private final Map<Node, Set<Node>> subClasses = new HashMap<>();
    private final Map<Node, Set<Node>> types = new HashMap<>();

    FocusTargets(Graph data) {
        this.data = data;
    }

    boolean isFocusNode(Shape shape, Node node) {
        for ( Target target : shape.getTargets() ) {
            boolean focus = switch ( target.getTargetType() ) {
                case targetClass, implicitClass -> isInstance(node, target.getObject());
                default -> VLib.isFocusNode(target, node, data);
            };
            if ( focus )
                return true;
        }
        return false;
    }

    private boolean isInstance(Node node, Node cls) {
        Set<Node> nodeTypes = types.computeIfAbsent(node, n -> data.find(n, RDF.Nodes.type, Node.ANY).mapWith(Triple::getObject).toSet());
        if ( nodeTypes.isEmpty() )
            return false;
        Set<Node> classes = subClasses.computeIfAbsent(cls, this::subClassesOf);
        for ( Node type : nodeTypes ) {
            if ( classes.contains(type) )
                return true;
        }
        return false;
    }

    /** The class and every class below it, however many steps down. */
    private Set<Node> subClassesOf(Node cls) {
        Set<Node> all = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        all.add(cls);
        todo.add(cls);
        while ( !todo.isEmpty() ) {
            Node next = todo.remove();
            data.find(Node.ANY, RDFS.Nodes.subClassOf, next).mapWith(Triple::getSubject).forEach(sub -> {
                if ( all.add(sub) )
                    todo.add(sub);
            });
        }
        return all;
    }
}
