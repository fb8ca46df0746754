package org.diplomacykg.server.security;

import java.time.Duration;

import org.diplomacykg.server.ServerConfigException;

/**
 * How fast a client may guess passwords. The first {@code freeFailures} failed logins from one
 * client address, or for one user name, are answered as usual (401); after that each further
 * failure makes that address or user wait, {@code firstDelay} after the first and twice as long
 * after each next one, up to {@code maxDelay}. While it waits, a login from that address or for
 * that user is answered 429 with {@code Retry-After}, without its password being checked. A
 * successful login clears both counts.
 *
 * @param freeFailures failed logins allowed before the first wait
 * @param firstDelay   the first wait
 * @param maxDelay     the longest wait
 */
public record LoginLimits(int freeFailures, Duration firstDelay, Duration maxDelay) {

    public static final int DEFAULT_FREE_FAILURES = 5;
    public static final long DEFAULT_FIRST_DELAY_SECONDS = 1;
    public static final long DEFAULT_MAX_DELAY_SECONDS = 300;

    /** Five free failures, then 1 s, 2 s, 4 s ... up to 5 minutes. */
    public static final LoginLimits DEFAULTS = new LoginLimits(DEFAULT_FREE_FAILURES,
        Duration.ofSeconds(DEFAULT_FIRST_DELAY_SECONDS), Duration.ofSeconds(DEFAULT_MAX_DELAY_SECONDS));

    /** No limit: for tests that send many wrong passwords on purpose to check something else. */
    public static final LoginLimits NONE = new LoginLimits(Integer.MAX_VALUE, Duration.ofMillis(1), Duration.ofMillis(1));

    public LoginLimits {
        if ( freeFailures < 0 )
            throw new ServerConfigException("the number of free failed logins must not be negative, not " + freeFailures);
        if ( firstDelay == null || firstDelay.isNegative() || firstDelay.isZero() )
            throw new ServerConfigException("the first delay after failed logins must be positive, not " + firstDelay);
        if ( maxDelay == null || maxDelay.compareTo(firstDelay) < 0 )
            throw new ServerConfigException("the longest delay after failed logins must be at least the first, not " + maxDelay);
    }

    /** The wait after the {@code failures}-th failure in a row, zero while they are free. */
    Duration delayAfter(long failures) {
        if ( failures <= freeFailures )
            return Duration.ZERO;
        long doublings = Math.min(failures - freeFailures - 1, 40);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 || delay.isNegative() ? maxDelay : delay;
    }
}
