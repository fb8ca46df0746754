package org.diplomacykg.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.diplomacykg.vocab.DKG;

import static org.diplomacykg.store.FindingNames.label;
import static org.diplomacykg.store.FindingNames.object;
import static org.diplomacykg.store.FindingNames.spanWords;
import static org.diplomacykg.store.FindingNames.uri;

/**
 * Check 5 of {@link BundleCheck}, shapes: each violation of a SHACL report as a {@link Finding},
 * the shape's {@code sh:message} as the message and the fix read off the constraint that failed.
 */
final class ShapeFindings {

    private static final Node IN_ARTICLE = DKG.Nodes.term("inArticle");
    private static final String REFERENCE_HINT = " (people, posts, states and places that the article does not introduce "
        + "go in data/reference.ttl, each with a dcterms:source; see docs/authoring.md)";

    private final ShaclGate shapes;
    private final FindingNames names;

    ShapeFindings(ShaclGate shapes, FindingNames names) {
        this.shapes = shapes;
        this.names = names;
    }

    /**
     * The violations of {@code report} on {@code data}, sorted; {@code article} is the article a
     * span without {@code dkg:inArticle} should name, when the check is of one article.
     */
    List<Finding> of(ValidationReport report, Graph data, Optional<Node> article) {
        List<Finding> findings = new ArrayList<>();
        for ( ReportEntry entry : report.getEntries() ) {
            if ( !entry.severity().level().equals(Severity.Violation.level()) )
                continue;
            Node focus = entry.focusNode();
            // A span is named by its words, whether or not it has an IRI.
            String words = spanWords(data, focus);
            String label = words != null ? words : focus.isURI() ? label(data, focus) : names.blankLabel(data, focus);
            findings.add(new Finding(Finding.SHAPE, null, -1, -1, uri(focus), label, entry.message(), fix(entry, data, article)));
        }
        // The report's order is the validator's: sort, so that the same data always reads the same.
        findings.sort(Comparator.comparing((Finding f) -> String.valueOf(f.focus()) + "\u0000" + f.label())
                                .thenComparing(Finding::message).thenComparing(f -> String.valueOf(f.fix())));
        return findings;
    }

    /** What to add or change, read off the constraint that failed. */
    private String fix(ReportEntry entry, Graph data, Optional<Node> article) {
        Graph sg = shapes.graph();
        Node source = entry.source();
        Node component = entry.sourceConstraintComponent();
        String kind = component == null ? "" : component.getLocalName();
        String path = entry.resultPath() == null ? "the property" : PathWriter.asString(entry.resultPath(), new Prologue(names.prefixes()));
        String focus = entry.focusNode().isURI() ? names.abbreviate(entry.focusNode()) : "it";
        Node value = entry.value();
        Optional<Node> cls = object(sg, source, SHACL.class_);
        Optional<Node> in = object(sg, source, SHACL.in);
        switch ( kind ) {
            case "MinCountConstraintComponent": {
                if ( IN_ARTICLE.equals(pathNode(entry)) && article.isPresent() )
                    return "add dkg:inArticle " + names.abbreviate(article.get()) + " to " + focus;
                String what = in.map(list -> " with one of " + listText(sg, list))
                    .or(() -> cls.map(c -> " pointing at a " + names.abbreviate(c)))
                    .or(() -> object(sg, source, SHACL.hasValue).map(v -> " " + names.abbreviate(v)))
                    .orElse("");
                return "add " + path + what + " to " + focus;
            }
            case "MaxCountConstraintComponent":
                return "keep " + object(sg, source, SHACL.maxCount).map(Node::getLiteralLexicalForm).orElse("one")
                    + " value of " + path + " on " + focus + " and remove the others";
            case "ClassConstraintComponent":
                return cls.map(c -> "give " + (value == null ? "the value" : names.abbreviate(value)) + " its type: add `"
                    + (value == null ? "..." : names.abbreviate(value)) + " a " + names.abbreviate(c) + "`" + kinds(data, c)
                    + ", or point " + path + " at something that has it" + REFERENCE_HINT).orElse("see the shape's message");
            case "DatatypeConstraintComponent":
                return "write the value as a " + object(sg, source, SHACL.datatype).map(names::abbreviate).orElse("typed")
                    + " literal, e.g. \"2025-10-20T00:00:00\"^^xsd:dateTime for a date";
            case "InConstraintComponent":
                return in.map(list -> "use one of " + listText(sg, list)).orElse("see the shape's message");
            case "HasValueConstraintComponent":
                return object(sg, source, SHACL.hasValue).map(v -> "add " + path + " " + names.abbreviate(v) + " to " + focus)
                    .orElse("see the shape's message");
            case "MinLengthConstraintComponent":
                return "give " + path + " a non-empty string";
            case "LessThanOrEqualsConstraintComponent":
                return "make " + path + " no later than the other bound";
            case "OrConstraintComponent":
                return "give the value one of the types the message names" + REFERENCE_HINT;
            default:
                return "see docs/authoring.md for what each class requires";
        }
    }

    /** ", or a more specific class: dkg:Person, dkg:State, ..." from the ontology's subclasses of {@code cls}. */
    private String kinds(Graph data, Node cls) {
        List<String> kinds = new ArrayList<>();
        List<Node> todo = new ArrayList<>(List.of(cls));
        Set<Node> seen = new LinkedHashSet<>(todo);
        while ( !todo.isEmpty() && kinds.size() < 8 ) {
            Node c = todo.remove(0);
            for ( Node sub : Iter.toList(data.find(Node.ANY, RDFS.Nodes.subClassOf, c).mapWith(Triple::getSubject)) ) {
                if ( sub.isURI() && seen.add(sub) ) {
                    kinds.add(names.abbreviate(sub));
                    todo.add(sub);
                }
            }
        }
        // Sorted: stores list triples in different orders, and every path must say the same.
        kinds.sort(null);
        return kinds.isEmpty() ? "" : " (or a more specific class: " + String.join(", ", kinds) + ")";
    }

    private static Node pathNode(ReportEntry entry) {
        return entry.resultPath() instanceof org.apache.jena.sparql.path.P_Link link ? link.getNode() : null;
    }

    private String listText(Graph g, Node list) {
        List<String> items = new ArrayList<>();
        for ( Node n = list; n != null && !n.equals(RDF.Nodes.nil); n = object(g, n, RDF.rest.asNode()).orElse(null) )
            object(g, n, RDF.first.asNode()).ifPresent(item -> items.add(names.abbreviate(item)));
        return String.join(", ", items);
    }
}
