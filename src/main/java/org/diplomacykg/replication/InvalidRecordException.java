package org.diplomacykg.replication;

/** A record of the topic that is not one whole RDF Patch transaction: a replica stops at it rather than skip it. */
public final class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message);
    }
}
