package org.diplomacykg.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.diplomacykg.server.ServerConfigException;
import org.junit.jupiter.api.Test;

/**
 * How long a client must wait after failed logins: nothing for the free ones, then a delay that
 * doubles up to the cap, for the address and for the user name alike; a success clears both.
 */
class TestLoginLimiter {

    private static final LoginLimits LIMITS = new LoginLimits(3, Duration.ofSeconds(1), Duration.ofSeconds(10));

    private final AtomicLong now = new AtomicLong();
    private final LoginLimiter limiter = new LoginLimiter(LIMITS, now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void theFirstFailuresAreFreeThenTheDelayDoublesUpToTheCap() {
        for ( int i = 0; i < 3; i++ ) {
            assertEquals(Duration.ZERO, limiter.failed("10.0.0.1", "alice"));
            assertEquals(Duration.ZERO, limiter.waitFor("10.0.0.1", "alice"));
        }
        long[] expected = { 1, 2, 4, 8, 10, 10 };
        for ( long seconds : expected ) {
            assertEquals(Duration.ofSeconds(seconds), limiter.failed("10.0.0.1", "alice"));
            assertEquals(Duration.ofSeconds(seconds), limiter.waitFor("10.0.0.1", "alice"));
            advance(Duration.ofSeconds(seconds).minusMillis(1));
            assertEquals(Duration.ofMillis(1), limiter.waitFor("10.0.0.1", "alice"));
            advance(Duration.ofMillis(1));
            assertEquals(Duration.ZERO, limiter.waitFor("10.0.0.1", "alice"));
        }
    }

    @Test
    void aUserUnderAttackWaitsFromEveryAddressAndAnAddressForEveryUser() {
        for ( int i = 0; i < 4; i++ )
            limiter.failed("10.0.0." + i, "alice");
        assertEquals(Duration.ofSeconds(1), limiter.waitFor("10.0.0.99", "alice"));
        assertEquals(Duration.ZERO, limiter.waitFor("10.0.0.99", "bob"));

        for ( int i = 0; i < 4; i++ )
            limiter.failed("10.0.0.7", "user" + i);
        assertEquals(Duration.ofSeconds(1), limiter.waitFor("10.0.0.7", "carol"));
        assertEquals(Duration.ofSeconds(1), limiter.waitFor("10.0.0.7", null));
        assertEquals(Duration.ZERO, limiter.waitFor("10.0.0.8", "carol"));
    }

    @Test
    void aSuccessStartsAfresh() {
        for ( int i = 0; i < 5; i++ )
            limiter.failed("10.0.0.1", "alice");
        advance(Duration.ofSeconds(2));
        limiter.succeeded("10.0.0.1", "alice");
        assertEquals(Duration.ZERO, limiter.waitFor("10.0.0.1", "alice"));
        for ( int i = 0; i < 3; i++ )
            assertEquals(Duration.ZERO, limiter.failed("10.0.0.1", "alice"), "free again");
        assertEquals(Duration.ofSeconds(1), limiter.failed("10.0.0.1", "alice"), "from the first delay again");
    }

    @Test
    void limitsThatMakeNoSenseAreRefused() {
        assertThrows(ServerConfigException.class, () -> new LoginLimits(-1, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(ServerConfigException.class, () -> new LoginLimits(3, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(ServerConfigException.class, () -> new LoginLimits(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
