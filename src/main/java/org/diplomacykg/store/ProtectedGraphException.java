package org.diplomacykg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.shared.OperationDeniedException;

/**
 * A write named a graph that only the reasoners write: the inferred graph or the
 * explanations graph. Their triples are derived from the asserted graphs at every commit,
 * so the way to change them is to change the asserted data.
 * <p>
 * An {@link OperationDeniedException}, so that Fuseki answers a refused update with 403
 * rather than 500.
 */
public final class ProtectedGraphException extends OperationDeniedException {

    private final Node graph;

    public ProtectedGraphException(Node graph) {
        super("<" + graph.getURI() + "> holds derived triples: they are computed from the asserted graphs "
              + "at every commit and cannot be written; change the asserted data instead");
        this.graph = graph;
    }

    /** The graph the refused write named. */
    public Node graph() {
        return graph;
    }
}
