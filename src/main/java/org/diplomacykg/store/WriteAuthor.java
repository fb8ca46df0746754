package org.diplomacykg.store;

import java.util.function.Supplier;

/**
 * Who is writing, for the audit record of the write ({@link AuditRecord}): a user logged in over
 * HTTP, or a local command run by an operating-system user. Bound to the writer's thread for the
 * length of one request or command, since the write transaction that commits runs on that thread
 * (Fuseki and the servlets run a request's transaction on the request's thread); a write with no
 * author bound is recorded as the local process's.
 *
 * @param name the user's name: the login, or the operating-system user for a local command
 * @param local whether {@code name} is an operating-system user rather than a login
 * @param via what wrote: the HTTP method and path, or the command ({@code load}, {@code serve})
 */
public record WriteAuthor(String name, boolean local, String via) {

    private static final ThreadLocal<WriteAuthor> CURRENT = new ThreadLocal<>();

    /** A user logged in over HTTP, writing with {@code via} (e.g. {@code "PUT /kg/articles/x"}). */
    public static WriteAuthor user(String login, String via) {
        return new WriteAuthor(login, false, via);
    }

    /** The operating-system user running the local command {@code command}. */
    public static WriteAuthor command(String command) {
        return new WriteAuthor(System.getProperty("user.name", "unknown"), true, command);
    }

    /** The author of writes on this thread now. */
    public static WriteAuthor current() {
        WriteAuthor author = CURRENT.get();
        return author != null ? author : command("java");
    }

    /** Runs {@code work} with {@code author} as the author of its writes. */
    public static <T> T as(WriteAuthor author, Supplier<T> work) {
        WriteAuthor before = CURRENT.get();
        CURRENT.set(author);
        try {
            return work.get();
        } finally {
            if ( before == null )
                CURRENT.remove();
            else
                CURRENT.set(before);
        }
    }

    /** As {@link #as(WriteAuthor, Supplier)}, for work without a result. */
    public static void as(WriteAuthor author, Runnable work) {
        as(author, () -> {
            work.run();
            return null;
        });
    }
}
