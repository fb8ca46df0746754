package org.diplomacykg.store;

import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.vocabulary.RDF;

/**
 * {@link Finding}s for tools: as JSON ({@code validate --format json}, an HTTP 422 for
 * {@code Accept: application/json}), or as a SHACL validation report, the shapes' own results
 * with one more result for each finding of the other checks (syntax, terms, article, spans).
 */
public final class FindingsReport {

    /** Where the other checks' results say they come from: {@code dkgs:<check>Check}. */
    private static final String CHECKS = "https://w3id.org/diplomacy-kg/shapes#";

    /** {@code {"conforms": bool, "findings": [ {check, file, line, column, focus, label, message, fix}, ... ]}}. */
    public static JsonObject json(List<Finding> findings) {
        JsonObject json = new JsonObject();
        json.put("conforms", findings.isEmpty());
        JsonArray array = new JsonArray();
        findings.forEach(f -> array.add(f.toJson()));
        json.put("findings", array);
        return json;
    }

    /**
     * Writes into {@code into} the SHACL report: {@code shapes}' results if there is one, and a
     * {@code sh:ValidationResult} for each finding that is not a shape's, whose message is the
     * finding's message and fix.
     */
    public static void shacl(List<Finding> findings, ValidationReport shapes, Graph into) {
        Node report;
        if ( shapes != null ) {
            shapes.getGraph().find().forEachRemaining(into::add);
            report = shapes.getResource().asNode();
        } else {
            report = NodeFactory.createBlankNode();
            into.add(report, RDF.Nodes.type, SHACL.ValidationReport);
        }
        into.delete(report, SHACL.conforms, NodeFactory.createLiteralByValue(true));
        into.add(report, SHACL.conforms, NodeFactory.createLiteralByValue(false));
        for ( Finding f : findings ) {
            if ( Finding.SHAPE.equals(f.check()) )
                continue;
            Node result = NodeFactory.createBlankNode();
            into.add(report, SHACL.result, result);
            into.add(result, RDF.Nodes.type, SHACL.ValidationResult);
            into.add(result, SHACL.resultSeverity, SHACL.Violation);
            into.add(result, SHACL.sourceConstraintComponent, NodeFactory.createURI(CHECKS + f.check() + "Check"));
            if ( f.focus() != null )
                into.add(result, SHACL.focusNode, NodeFactory.createURI(f.focus()));
            if ( f.label() != null )
                into.add(result, SHACL.value, NodeFactory.createLiteralString(f.label()));
            into.add(result, SHACL.resultMessage, NodeFactory.createLiteralString(
                (f.name() == null ? "" : f.name() + ": ") + f.message() + (f.fix() == null ? "" : ". Fix: " + f.fix())));
        }
    }

    private FindingsReport() {}
}
