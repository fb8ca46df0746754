package org.diplomacykg.server.limits;

import java.time.Duration;

import org.diplomacykg.server.ServerConfigException;

/**
 * The bounds a server puts on one request, each answered with a status and a message a person
 * can act on rather than with a failure of the server:
 * <ul>
 * <li>{@code maxBodyBytes}: the largest request body (a query, an update, Graph Store data, an
 *     article), counted as it is read, after any {@code Content-Encoding} is decoded; larger is
 *     413 ({@link BodyLimitFilter});</li>
 * <li>{@code maxResults}: the most rows a SELECT (or triples a CONSTRUCT or DESCRIBE) may
 *     return; more is 422 ({@link LimitedQuery});</li>
 * <li>{@code updateTimeout}: how long a SPARQL Update may run; longer is cancelled, nothing of
 *     it kept, 503 ({@link LimitedUpdate}).</li>
 * </ul>
 * The query timeout stays in {@link org.diplomacykg.server.ServerConfig#queryTimeout()}.
 *
 * @param maxBodyBytes  bytes, at least 1
 * @param maxResults    rows or triples, at least 1
 * @param updateTimeout positive
 */
public record Limits(long maxBodyBytes, long maxResults, Duration updateTimeout) {

    public static final long MB = 1024L * 1024L;

    /** {@code serve --max-body}, in MB. */
    public static final int DEFAULT_MAX_BODY_MB = 10;
    /** {@code serve --max-results}. */
    public static final long DEFAULT_MAX_RESULTS = 100_000;
    /** {@code serve --update-timeout}, in seconds. */
    public static final int DEFAULT_UPDATE_TIMEOUT_SECONDS = 60;

    /** 10 MB bodies, 100 000 results, 60 s updates. */
    public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_BODY_MB * MB, DEFAULT_MAX_RESULTS,
                                                     Duration.ofSeconds(DEFAULT_UPDATE_TIMEOUT_SECONDS));

    public Limits {
        checkMaxBody(maxBodyBytes);
        checkMaxResults(maxResults);
        checkUpdateTimeout(updateTimeout);
    }

    public Limits withMaxBodyBytes(long bytes) {
        return new Limits(bytes, maxResults, updateTimeout);
    }

    public Limits withMaxResults(long results) {
        return new Limits(maxBodyBytes, results, updateTimeout);
    }

    public Limits withUpdateTimeout(Duration timeout) {
        return new Limits(maxBodyBytes, maxResults, timeout);
    }

    /** Lets a caller reject a bad body limit before the (possibly long) load. */
    public static void checkMaxBody(long bytes) {
        if ( bytes < 1 )
            throw new ServerConfigException("the request body limit must be at least 1 MB, not " + bytes + " bytes");
        // Jetty keeps the form limit, which this one also sets, in an int.
        if ( bytes > Integer.MAX_VALUE )
            throw new ServerConfigException("the request body limit must be under 2048 MB, not " + size(bytes));
    }

    /** Lets a caller reject a bad result limit before the load. */
    public static void checkMaxResults(long results) {
        if ( results < 1 )
            throw new ServerConfigException("the result limit must be at least 1 row, not " + results);
        // Rows are held in a list before they are sent.
        if ( results >= Integer.MAX_VALUE )
            throw new ServerConfigException("the result limit must be under " + Integer.MAX_VALUE + " rows, not " + results);
    }

    /** Lets a caller reject a bad update timeout before the load. */
    public static void checkUpdateTimeout(Duration timeout) {
        if ( timeout == null || timeout.isNegative() || timeout.isZero() )
            throw new ServerConfigException("update timeout must be positive, not " + timeout);
    }

    /** A byte count as a person writes it: {@code 10 MB}, {@code 512 KB}, {@code 100 bytes}. */
    public static String size(long bytes) {
        if ( bytes >= MB && bytes % MB == 0 )
            return bytes / MB + " MB";
        if ( bytes >= 1024 && bytes % 1024 == 0 )
            return bytes / 1024 + " KB";
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }

    /** A duration as a person writes it: {@code 60 s}, {@code 1.5 s}, {@code 200 ms}. */
    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if ( millis % 1000 == 0 )
            return millis / 1000 + " s";
        if ( millis < 1000 )
            return millis + " ms";
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
