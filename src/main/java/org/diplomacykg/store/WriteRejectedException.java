package org.diplomacykg.store;

import java.util.List;

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

    private final transient List<Finding> findings;

    public WriteRejectedException(String message) {
        this(message, List.of());
    }

    /** A refusal by the {@link BundleCheck}: {@code message} is a one-line summary, the findings say what. */
    public WriteRejectedException(String message, List<Finding> findings) {
        super(findings.isEmpty() ? message : message + "\n" + BundleCheck.text(findings));
        this.findings = List.copyOf(findings);
    }

    /** What the {@link BundleCheck} found; empty for a refusal of another kind. */
    public List<Finding> findings() {
        return findings;
    }

    /** The one-line summary, without the findings. */
    public String summary() {
        String message = getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
