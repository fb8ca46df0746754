package org.diplomacykg.store;

import java.util.List;

import org.apache.jena.shacl.ValidationReport;

/** A write would leave the data breaking the SHACL shapes; carries the report for the client. */
public class ShaclRejectedException extends WriteRejectedException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    public ShaclRejectedException(String message, ValidationReport report) {
        this(message, report, List.of());
    }

    public ShaclRejectedException(String message, ValidationReport report, List<Finding> findings) {
        super(message, findings);
        this.report = report;
    }

    /** The full validation report (violations, and any warnings beside them). */
    public ValidationReport report() {
        return report;
    }
}
