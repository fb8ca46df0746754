package org.diplomacykg.store;

import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.reasoning.ChangeSet;
import org.diplomacykg.vocab.Graphs;

/**
 * What every write from a client must pass before it commits:
 * <ol>
 * <li>nothing is left in the stored default graph: the SPARQL default graph is the union of
 *     the named graphs, so triples there would be invisible to every query;</li>
 * <li>every evidence span of each article graph the write touched occurs verbatim in that
 *     article's text ({@link EvidenceSpans});</li>
 * <li>the union of the asserted graphs ({@link Store#assertedUnion}) conforms to the SHACL
 *     shapes, judged by the same triples as at load; only the nodes the write can affect are
 *     validated when the shapes are local ({@link ChangedFocusNodes});</li>
 * <li>every term of each graph the write touched is well-formed: no IRI with a space or a
 *     control character, no literal outside its XSD datatype ({@link WellFormedTerms}).</li>
 * </ol>
 * Writes to the derived graphs never get this far ({@link ProtectedGraphException}).
 * Spans come before the shapes because they are the cheaper check; terms come last, so that
 * what the shapes constrain (an ill-typed {@code dkg:date}) is answered with their report.
 */
public final class WriteGate implements CommitGate {

    private final ShaclGate shapes;
    private final EvidenceSpans spans;

    public WriteGate(ShaclGate shapes, ArticleTexts texts) {
        this.shapes = shapes;
        this.spans = new EvidenceSpans(texts);
    }

    /** The gate for data laid out as {@code layout}: its shapes, and its article texts on disk. */
    public static WriteGate forLayout(DataLayout layout) {
        return new WriteGate(ShaclGate.fromFile(layout.shapesFile()), new ArticleTexts(layout.articlesDir()));
    }

    @Override
    public void check(DatasetGraph dsg, ChangeSet changes) {
        refuseDefaultGraph(dsg, changes);
        for ( Node graph : changes.graphs() )
            spans.check(dsg, graph);
        checkShapes(dsg, changes);
        for ( Node graph : changes.graphs() )
            WellFormedTerms.check(dsg, graph);
    }

    private static void refuseDefaultGraph(DatasetGraph dsg, ChangeSet changes) {
        // A delete in the default graph that removed nothing is harmless; only what stays there matters.
        if ( changes.graphs().stream().noneMatch(Quad::isDefaultGraph) )
            return;
        if ( Iter.count(dsg.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY)) > 0 )
            throw new WriteRejectedException("Triples must go into a named graph: the default graph is the union "
                + "of the named graphs and cannot hold triples of its own. Use INSERT DATA { GRAPH <...> { ... } } "
                + "or ?graph=<...> with the Graph Store Protocol, e.g. the article's graph <"
                + Graphs.SOURCE_BASE + "{slug}>");
    }

    /**
     * Validates the nodes the write can affect ({@link ChangedFocusNodes}) when the shapes allow
     * it, so that the cost follows the size of the change rather than of the store; the whole
     * asserted data otherwise.
     */
    private void checkShapes(DatasetGraph dsg, ChangeSet changes) {
        Graph asserted = Store.assertedUnion(dsg);
        Optional<Set<Node>> focus = shapes.isLocal() ? ChangedFocusNodes.of(asserted, changes) : Optional.empty();
        ValidationReport report = focus.isPresent() ? shapes.validate(asserted, focus.get()) : shapes.validate(asserted);
        long violations = ShaclGate.violations(report);
        if ( violations > 0 )
            throw new ShaclRejectedException("The data would not conform to the SHACL shapes: " + violations
                + (violations == 1 ? " violation" : " violations") + "\n" + shapes.describe(report), report);
    }
}
