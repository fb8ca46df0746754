package org.diplomacykg.store;

import java.util.List;

/**
 * The data could not be loaded: a file or directory is missing, a file does not parse,
 * or (see {@link ShaclViolationException}) the data breaks the shapes. The message is
 * meant for the person running the command: it names the path and what to do.
 */
public class LoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    public LoadException(String message) {
        this(message, List.<Finding>of());
    }

    /** A refusal by the {@link BundleCheck}: the message is its findings, one paragraph each. */
    public LoadException(String message, List<Finding> findings) {
        super(message);
        this.findings = List.copyOf(findings);
    }

    /** What the {@link BundleCheck} found; empty for a refusal of another kind (a missing file). */
    public List<Finding> findings() {
        return findings;
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
        this.findings = List.of();
    }
}
