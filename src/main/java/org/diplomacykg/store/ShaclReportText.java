package org.diplomacykg.store;

import java.util.Comparator;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.sparql.core.Prologue;

/**
 * Renders a SHACL validation report for a person: one block per result, with the
 * severity, the focus node, the path, the offending value and the shape's message,
 * IRIs abbreviated with the shapes' prefixes. The blocks are sorted so that the same
 * data always gives the same text.
 */
public final class ShaclReportText {

    /** The report as text; "conforms" when it has no results. */
    public static String format(ValidationReport report, PrefixMapping prefixes) {
        if ( report.conforms() )
            return "conforms";
        Prologue prologue = new Prologue(prefixes);
        List<String> blocks = report.getEntries().stream()
            .map(entry -> block(entry, prefixes, prologue))
            .sorted(Comparator.naturalOrder())
            .toList();
        return String.join("\n", blocks);
    }

    private static String block(ReportEntry entry, PrefixMapping prefixes, Prologue prologue) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(severityName(entry)).append("] ")
          .append(node(entry.focusNode(), prefixes));
        if ( entry.resultPath() != null )
            sb.append("  path ").append(PathWriter.asString(entry.resultPath(), prologue));
        sb.append('\n');
        if ( entry.value() != null )
            sb.append("    value: ").append(node(entry.value(), prefixes)).append('\n');
        sb.append("    ").append(entry.message()).append('\n');
        // Property shapes are usually blank nodes: the constraint component says more.
        if ( entry.source() != null && entry.source().isURI() )
            sb.append("    shape: ").append(node(entry.source(), prefixes)).append('\n');
        if ( entry.sourceConstraintComponent() != null )
            sb.append("    constraint: ").append(node(entry.sourceConstraintComponent(), prefixes)).append('\n');
        return sb.toString();
    }

    /** "Violation", "Warning" or "Info": the local name of the sh: severity IRI. */
    static String severityName(ReportEntry entry) {
        Node level = entry.severity().level();
        return level.isURI() ? level.getLocalName() : level.toString();
    }

    private static String node(Node node, PrefixMapping prefixes) {
        if ( node.isBlank() )
            return "[]";
        return FmtUtils.stringForNode(node, prefixes);
    }

    private ShaclReportText() {}
}
