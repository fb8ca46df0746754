package org.diplomacykg.docs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.RDF;

/**
 * What each class requires, in Markdown, read off the SHACL shapes: the list in
 * {@code docs/authoring.md} between its {@code <!-- shapes:begin -->} and
 * {@code <!-- shapes:end -->} marks, which a test regenerates and compares, so that the guide
 * cannot drift from what the checks demand. One section per node shape, in the order of the
 * shapes file, one line per property constraint with its {@code sh:message}.
 */
public final class ShapeRequirements {

    public static final String BEGIN = "<!-- shapes:begin (generated from ontology/shapes.ttl by ShapeRequirements; do not edit) -->";
    public static final String END = "<!-- shapes:end -->";

    private final Graph shapes;
    private final String shapesText;
    private final PrefixMapping prefixes;

    /** @param shapes the shapes graph; {@code shapesText} its Turtle, for the order of the shapes */
    public ShapeRequirements(Graph shapes, String shapesText) {
        this.shapes = shapes;
        this.shapesText = shapesText;
        this.prefixes = shapes.getPrefixMapping();
    }

    /** The Markdown between the marks (the marks excluded). */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        for ( Node shape : nodeShapes() ) {
            md.append("\n**").append(targets(shape)).append("** (`").append(name(shape)).append("`)\n\n");
            // Property shapes are blank nodes, listed in no fixed order: sort their lines.
            objects(shape, SHACL.property).stream().map(this::property).sorted()
                .forEach(line -> md.append("- ").append(line).append('\n'));
        }
        return md.toString();
    }

    /** {@code text} with the block between the marks replaced by {@link #markdown()}. */
    public String regenerate(String text) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if ( begin < 0 || end < begin )
            throw new IllegalArgumentException("The guide has no block marked " + BEGIN + " ... " + END);
        return text.substring(0, begin + BEGIN.length()) + "\n" + markdown() + "\n" + text.substring(end);
    }

    private List<Node> nodeShapes() {
        List<Node> list = new ArrayList<>();
        shapes.find(Node.ANY, RDF.Nodes.type, SHACL.NodeShape).forEachRemaining(t -> list.add(t.getSubject()));
        list.sort(Comparator.comparingInt(n -> {
            int at = shapesText.indexOf(name(n) + " a sh:NodeShape");
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return list;
    }

    private String targets(Node shape) {
        List<String> parts = new ArrayList<>();
        objects(shape, SHACL.targetClass).forEach(c -> parts.add("every `" + name(c) + "`"));
        objects(shape, SHACL.targetSubjectsOf).forEach(p -> parts.add("anything with `" + name(p) + "`"));
        objects(shape, SHACL.targetObjectsOf).forEach(p -> parts.add("anything that is the value of `" + name(p) + "`"));
        parts.sort(null);
        return String.join(", ", parts);
    }

    private String property(Node p) {
        StringBuilder line = new StringBuilder();
        line.append('`').append(one(p, SHACL.path).map(this::name).orElse("?")).append("`: ");
        // sh:hasValue demands the value, as a sh:minCount 1 would.
        Optional<Integer> min = one(p, SHACL.minCount).map(n -> Integer.parseInt(n.getLiteralLexicalForm()))
            .or(() -> one(p, SHACL.hasValue).map(v -> 1));
        Optional<Integer> max = one(p, SHACL.maxCount).map(n -> Integer.parseInt(n.getLiteralLexicalForm()));
        if ( min.isPresent() && max.isPresent() && min.get().equals(max.get()) )
            line.append("exactly ").append(min.get());
        else if ( min.isPresent() && max.isPresent() )
            line.append(min.get()).append(" to ").append(max.get());
        else if ( min.isPresent() )
            line.append("at least ").append(min.get());
        else if ( max.isPresent() )
            line.append("at most ").append(max.get());
        else
            line.append("optional");
        List<String> values = values(p);
        if ( !values.isEmpty() )
            line.append(", ").append(String.join(", ", values));
        one(p, SHACL.message).ifPresent(m -> line.append(". ").append(m.getLiteralLexicalForm()));
        return line.toString();
    }

    private List<String> values(Node p) {
        List<String> values = new ArrayList<>();
        one(p, SHACL.class_).ifPresent(c -> values.add("a `" + name(c) + "`"));
        one(p, SHACL.datatype).ifPresent(d -> values.add("a `" + name(d) + "` literal"));
        one(p, SHACL.in).ifPresent(l -> values.add("one of " + String.join(", ", list(l).stream().map(n -> "`" + name(n) + "`").toList())));
        one(p, SHACL.hasValue).ifPresent(v -> values.add("including `" + name(v) + "`"));
        one(p, SHACL.minLength).ifPresent(n -> values.add("at least " + n.getLiteralLexicalForm() + " character(s)"));
        one(p, SHACL.lessThanOrEquals).ifPresent(o -> values.add("no later than `" + name(o) + "`"));
        one(p, SHACL.or).ifPresent(l -> {
            List<String> options = new ArrayList<>();
            for ( Node option : list(l) )
                options.addAll(values(option));
            values.add("either " + String.join(" or ", options));
        });
        return values;
    }

    private List<Node> list(Node head) {
        List<Node> items = new ArrayList<>();
        for ( Node n = head; n != null && !n.equals(RDF.Nodes.nil); n = one(n, RDF.Nodes.rest).orElse(null) )
            one(n, RDF.Nodes.first).ifPresent(items::add);
        return items;
    }

    private List<Node> objects(Node s, Node p) {
        return shapes.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }

    private Optional<Node> one(Node s, Node p) {
        return shapes.find(s, p, Node.ANY).mapWith(Triple::getObject).nextOptional();
    }

    private String name(Node n) {
        return FmtUtils.stringForNode(n, prefixes);
    }
}
