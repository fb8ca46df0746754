package org.diplomacykg.replication;

/** Replication cannot start or go on: Kafka unreachable, the topic not what the store expects, another primary took over. */
public final class ReplicationException extends RuntimeException {

    public ReplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
