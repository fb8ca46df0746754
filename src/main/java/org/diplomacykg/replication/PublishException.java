package org.diplomacykg.replication;

/**
 * A write that could not be published, so was not kept: Kafka did not take it, or this server
 * is no longer the primary. The client gets 503 with the message.
 */
public final class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
