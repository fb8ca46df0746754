package org.diplomacykg.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.reasoning.ChangeSet;
import org.diplomacykg.vocab.Graphs;

/**
 * What every write from a client must pass before it commits:
 * <ol>
 * <li>nothing is left in the stored default graph: the SPARQL default graph is the union of
 *     the named graphs, so triples there would be invisible to every query;</li>
 * <li>the {@link BundleCheck}, as for a bundle loaded from files: every term of each graph the
 *     write touched is well-formed, each article graph describes its own article, its evidence
 *     spans occur in the article's text, and the asserted graphs conform to the SHACL shapes
 *     (only the nodes the write can affect are validated when the shapes are local,
 *     {@link ChangedFocusNodes}).</li>
 * </ol>
 * Writes to the derived graphs never get this far ({@link ProtectedGraphException}).
 */
public final class WriteGate implements CommitGate {

    private final ShaclGate shapes;
    private final BundleCheck bundles;

    public WriteGate(ShaclGate shapes, ArticleTexts texts) {
        this.shapes = shapes;
        this.bundles = new BundleCheck(shapes, texts);
    }

    /** The gate for data laid out as {@code layout}: its shapes, and its article texts on disk. */
    public static WriteGate forLayout(DataLayout layout) {
        return new WriteGate(ShaclGate.fromFile(layout.shapesFile()), new ArticleTexts(layout.articlesDir()));
    }

    @Override
    public void check(DatasetGraph dsg, ChangeSet changes) {
        refuseDefaultGraph(dsg, changes);
        // The cost follows the size of the change rather than of the store where the shapes allow it.
        Optional<Set<Node>> focus = shapes.isLocal() ? ChangedFocusNodes.of(Store.assertedUnion(dsg), changes) : Optional.empty();
        BundleCheck.Result result = bundles.check(dsg, changes.graphs(), focus, List.of());
        List<Finding> findings = result.findings();
        if ( findings.isEmpty() )
            return;
        String summary = "The write was refused: " + (findings.size() == 1 ? "1 problem" : findings.size() + " problems")
            + " (nothing of it was kept)";
        if ( result.hasShapeFindings() )
            throw new ShaclRejectedException(summary, result.report(), findings);
        throw new WriteRejectedException(summary, findings);
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
}
