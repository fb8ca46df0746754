package org.diplomacykg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.shared.OperationDeniedException;
import org.diplomacykg.vocab.Graphs;

/**
 * A write named a graph that only the store writes: the inferred graph or the explanations
 * graph, whose triples are derived from the asserted graphs at every commit (the way to
 * change them is to change the asserted data), or the audit graph, which records writes.
 * <p>
 * An {@link OperationDeniedException}, so that Fuseki answers a refused update with 403
 * rather than 500.
 */
public final class ProtectedGraphException extends OperationDeniedException {

    private final Node graph;

    public ProtectedGraphException(Node graph) {
        super(Graphs.Nodes.AUDIT.equals(graph)
              ? "<" + graph.getURI() + "> is the audit trail: the store adds one record per committed write, "
                + "and nobody may write, drop or clear it"
              : Graphs.Nodes.REPLICATION.equals(graph)
              ? "<" + graph.getURI() + "> holds the store's replication offset: only replication writes it"
              : "<" + graph.getURI() + "> holds derived triples: they are computed from the asserted graphs "
                + "at every commit and cannot be written; change the asserted data instead");
        this.graph = graph;
    }

    /** The graph the refused write named. */
    public Node graph() {
        return graph;
    }
}
