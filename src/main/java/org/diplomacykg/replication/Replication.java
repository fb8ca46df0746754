package org.diplomacykg.replication;

import java.time.Duration;
import java.util.Locale;

/**
 * What a server's role in replication is and how far it has got, for the status endpoint,
 * the metrics, read-your-writes waits and the answers to refused writes. The primary
 * ({@link KafkaPublisher}) and a replica ({@link ReplicaFollower}) move it on; the server
 * reads it.
 */
public final class Replication {

    /** The part a server plays. */
    public enum Role {
        /** Publishes every write to the topic. */
        PRIMARY,
        /** Applies the topic's records, takes no writes. */
        REPLICA;

        /** As shown in the status: {@code primary}, {@code replica}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Role role;
    private final String bootstrap;
    private final String topic;
    private long applied;
    /** The offset of the next record to read: past the last applied record and any transaction markers after it. */
    private long position;
    private long end;
    private String error;

    public Replication(Role role, String bootstrap, String topic, long applied) {
        this.role = role;
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.applied = applied;
        this.position = applied + 1;
        this.end = position;
    }

    public Role role() {
        return role;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public String topic() {
        return topic;
    }

    /** The offset of the last record the store holds ({@link StoredOffset#NONE} for none). */
    public synchronized long applied() {
        return applied;
    }

    /** The topic's end: the offset its next record will have, as last seen. */
    public synchronized long end() {
        return end;
    }

    /**
     * Offsets of the topic not yet read: 0 when the store holds the whole topic as last seen.
     * Counted in offsets, not records, since Kafka gives each transaction's commit marker an
     * offset of its own: a write the store does not hold yet counts 2.
     */
    public synchronized long lag() {
        return Math.max(0, end - position);
    }

    /** Why this server stopped applying or publishing; null while all is well. */
    public synchronized String error() {
        return error;
    }

    /** The store now holds the record at {@code offset}; wakes readers waiting for it. */
    public synchronized void applied(long offset) {
        applied = Math.max(applied, offset);
        position = Math.max(position, offset + 1);
        end = Math.max(end, position);
        notifyAll();
    }

    /** The reader's position (the next offset it will read) and the topic's end, as just read. */
    public synchronized void read(long position, long end) {
        this.position = Math.max(this.position, position);
        this.end = Math.max(this.end, Math.max(end, this.position));
    }

    /** Stops with this error: applying (replica) or taking writes (fenced primary). */
    public synchronized void failed(String message) {
        error = message;
        notifyAll();
    }

    /**
     * Waits until the store holds the record at {@code offset}, at most {@code timeout};
     * returns whether it does.
     */
    public synchronized boolean awaitApplied(long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ( applied < offset ) {
            long left = deadline - System.nanoTime();
            if ( left <= 0 || error != null )
                return applied >= offset;
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** The message a replica answers writes with: where they go instead. */
    public String writesGoElsewhere() {
        return "This server is a read replica of the topic " + topic + " on " + bootstrap
               + ": it takes no writes. Send writes to the primary that publishes to that topic.";
    }
}
