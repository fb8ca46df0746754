package org.diplomacykg.server.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Counts failed logins by client address and by user name and says how long either must still
 * wait ({@link LoginLimits}). A name or address that has been quiet for longer than the longest
 * wait (and at least a quarter of an hour) is forgotten, so that the table does not grow without
 * bound under a stream of made-up user names.
 */
public final class LoginLimiter {

    /** Above this many entries, quiet ones are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private record Failures(long count, long lastNanos, long blockedUntilNanos) {}

    private final LoginLimits limits;
    private final LongSupplier clock;
    private final long forgetAfterNanos;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginLimiter(LoginLimits limits) {
        this(limits, System::nanoTime);
    }

    LoginLimiter(LoginLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
        this.forgetAfterNanos = Math.max(limits.maxDelay().toNanos(), Duration.ofMinutes(15).toNanos());
    }

    /** How long a login from {@code address} for {@code user} (null if none was named) must still wait; zero if it may go ahead. */
    public Duration waitFor(String address, String user) {
        long now = clock.getAsLong();
        long wait = Math.max(remaining(addressKey(address), now), user == null ? 0 : remaining(userKey(user), now));
        return Duration.ofNanos(wait);
    }

    /** Records a failed login, and returns the wait it brings (zero while failures are free). */
    public Duration failed(String address, String user) {
        long now = clock.getAsLong();
        prune(now);
        Duration a = fail(addressKey(address), now);
        Duration u = user == null ? Duration.ZERO : fail(userKey(user), now);
        return a.compareTo(u) >= 0 ? a : u;
    }

    /** A successful login: the address and the user start afresh. */
    public void succeeded(String address, String user) {
        failures.remove(addressKey(address));
        if ( user != null )
            failures.remove(userKey(user));
    }

    private Duration fail(String key, long now) {
        Failures next = failures.compute(key, (k, old) -> {
            long count = (old == null ? 0 : old.count()) + 1;
            Duration delay = limits.delayAfter(count);
            return new Failures(count, now, delay.isZero() ? 0 : now + delay.toNanos());
        });
        return limits.delayAfter(next.count());
    }

    private long remaining(String key, long now) {
        Failures f = failures.get(key);
        if ( f == null || f.blockedUntilNanos() == 0 )
            return 0;
        return Math.max(0, f.blockedUntilNanos() - now);
    }

    private void prune(long now) {
        if ( failures.size() > PRUNE_ABOVE )
            failures.values().removeIf(f -> now - f.lastNanos() > forgetAfterNanos);
    }

    private static String addressKey(String address) {
        return "address " + address;
    }

    private static String userKey(String user) {
        return "user " + user;
    }
}
