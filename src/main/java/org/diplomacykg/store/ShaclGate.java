package org.diplomacykg.store;

import java.nio.file.Path;
import java.util.Collection;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The check every load goes through: the data must conform to the SHACL shapes.
 * Results of severity {@code sh:Violation} refuse the load; {@code sh:Warning} and
 * {@code sh:Info} results are reported but let it through, since the shapes' authors
 * chose those severities to mean "worth a look, not wrong".
 */
public final class ShaclGate {

    private final Path shapesFile;
    private final Shapes shapes;
    private final PrefixMapping prefixes;
    private final boolean local;

    private ShaclGate(Path shapesFile, Shapes shapes, PrefixMapping prefixes) {
        this.shapesFile = shapesFile;
        this.shapes = shapes;
        this.prefixes = prefixes;
        this.local = ShapeLocality.isLocal(shapes.getGraph());
    }

    /** Reads the shapes; a Turtle or SHACL syntax problem throws {@link LoadException} naming the file. */
    public static ShaclGate fromFile(Path shapesFile) {
        Graph graph = GraphFactory.createDefaultGraph();
        TurtleFiles.read(shapesFile, graph);
        try {
            Shapes shapes = Shapes.parse(graph);
            PrefixMapping prefixes = PrefixMapping.Factory.create()
                .setNsPrefixes(PrefixMapping.Standard)
                .setNsPrefixes(graph.getPrefixMapping());
            return new ShaclGate(shapesFile, shapes, prefixes);
        } catch (RuntimeException ex) {
            // Jena's shapes parser also fails with plain runtime exceptions (a ClassCastException
            // for sh:minCount "x"), so any failure here is reported as a bad shapes file.
            throw new LoadException(shapesFile + ": not valid SHACL: " + ex.getMessage(), ex);
        }
    }

    /** Validates without judging: all results, whatever their severity. */
    public ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(shapes, data);
    }

    /**
     * Validates only {@code focusNodes}, each against the shapes that target it in {@code data}:
     * the report a whole validation would give restricted to those nodes, in one validation
     * context. Whether a node is a shape's target is decided by {@link FocusTargets}, which
     * reads each node's types once, rather than by Jena's per-node test, which walks the class
     * hierarchy again for every node and shape.
     */
    public ValidationReport validate(Graph data, Collection<Node> focusNodes) {
        ValidationContext context = ValidationContext.create(shapes, data);
        FocusTargets targets = new FocusTargets(data);
        for ( Node node : focusNodes ) {
            for ( Shape shape : shapes.getTargetShapes() ) {
                if ( targets.isFocusNode(shape, node) )
                    VLib.validateShape(context, data, shape, node);
            }
        }
        return context.generateReport();
    }

    /**
     * Whether the shapes judge a node by its own triples and its values' types only
     * ({@link ShapeLocality}), so that validating the nodes a change affects is enough.
     */
    public boolean isLocal() {
        return local;
    }

    /**
     * Validates and throws {@link ShaclViolationException} if any result is a violation.
     * Returns the report, which may still hold warnings.
     */
    public ValidationReport check(Graph data) {
        ValidationReport report = validate(data);
        long violations = violations(report);
        if ( violations > 0 ) {
            String message = "The data does not conform to the shapes in " + shapesFile + ": "
                + violations + (violations == 1 ? " violation" : " violations") + "\n" + describe(report);
            throw new ShaclViolationException(message, report);
        }
        return report;
    }

    /** The report as readable text, with IRIs abbreviated by the shapes' prefixes. */
    public String describe(ValidationReport report) {
        return ShaclReportText.format(report, prefixes);
    }

    /** The shapes graph, to read a failed constraint's parameters off it. */
    public Graph graph() {
        return shapes.getGraph();
    }

    /** The prefixes of the shapes file. */
    public PrefixMapping prefixes() {
        return prefixes;
    }

    /** The number of results of severity {@code sh:Violation}. */
    public static long violations(ValidationReport report) {
        return report.getEntries().stream()
            .filter(entry -> entry.severity().level().equals(Severity.Violation.level()))
            .count();
    }
}
