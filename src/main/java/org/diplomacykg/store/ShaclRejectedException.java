package org.diplomacykg.store;

import org.apache.jena.shacl.ValidationReport;

/** A write would leave the data breaking the SHACL shapes; carries the report for the client. */
public class ShaclRejectedException extends WriteRejectedException {

    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    public ShaclRejectedException(String message, ValidationReport report) {
        super(message);
        this.report = report;
    }

    /** The full validation report (violations, and any warnings beside them). */
    public ValidationReport report() {
        return report;
    }
}
