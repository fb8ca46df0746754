package org.diplomacykg.replication;

/**
 * The offset of the record the current thread's last write transaction was published as, for
 * the write's response ({@code DKG-Offset}). Set by {@link KafkaPublisher} on the writer's
 * thread when the local commit succeeds; the server clears it before a request and reads it
 * after the write.
 */
public final class WriteOffsets {

    private static final ThreadLocal<Long> LAST = new ThreadLocal<>();

    /** The offset of this thread's last published write since {@link #clear()}; null if none. */
    public static Long last() {
        return LAST.get();
    }

    public static void clear() {
        LAST.remove();
    }

    static void set(long offset) {
        LAST.set(offset);
    }

    private WriteOffsets() {}
}
