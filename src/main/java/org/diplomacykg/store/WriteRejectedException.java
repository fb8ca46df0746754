package org.diplomacykg.store;

import org.apache.jena.shared.OperationDeniedException;

/**
 * A {@link CommitGate} refused a write: the transaction is aborted and nothing of it is kept.
 * The message says what is wrong and how to put it right.
 * <p>
 * An {@link OperationDeniedException} because Fuseki's SPARQL Update and Graph Store handlers
 * rethrow that type unchanged after aborting (any other exception in a commit becomes a 500
 * with the cause dropped), so the server can answer by the exception's type.
 */
public class WriteRejectedException extends OperationDeniedException {

    private static final long serialVersionUID = 1L;

    public WriteRejectedException(String message) {
        super(message);
    }
}
