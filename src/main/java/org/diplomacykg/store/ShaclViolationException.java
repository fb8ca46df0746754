package org.diplomacykg.store;

import java.util.List;

import org.apache.jena.shacl.ValidationReport;

/**
 * The data breaks the SHACL shapes: the load is refused and nothing is committed.
 * Carries the full report; the message is the report as readable text.
 */
public class ShaclViolationException extends LoadException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    public ShaclViolationException(String message, ValidationReport report) {
        this(message, report, List.of());
    }

    public ShaclViolationException(String message, ValidationReport report, List<Finding> findings) {
        super(message, findings);
        this.report = report;
    }

    /** The validation report, e.g. to write it as RDF. */
    public ValidationReport report() {
        return report;
    }
}
