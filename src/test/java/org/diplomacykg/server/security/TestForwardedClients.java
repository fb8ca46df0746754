package org.diplomacykg.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Behind a proxy, failed logins are counted by the client's address the proxy forwards, but only
 * when the operator says the headers are to be believed ({@code --trust-forwarded}): otherwise a
 * client could claim a new address with every guess.
 */
class TestForwardedClients {

    private static final LoginLimits ONE_FREE = new LoginLimits(1, Duration.ofSeconds(30), Duration.ofSeconds(30));

    @RegisterExtension
    static final KgServerExtension trusting = server(true);
    @RegisterExtension
    static final KgServerExtension untrusting = server(false);

    private static KgServerExtension server(boolean trustForwarded) {
        return KgServerExtension.fixture().writable("alice: correct horse battery staple\n")
            .secured(dir -> new Security(null, null, ONE_FREE, trustForwarded));
    }

    /** Two failures from one client, then one from another client; returns the status of the last. */
    private static int thirdGuessFromAnotherClient(KgServerExtension kg) {
        // A different user each time, so that only the address can tie the guesses together.
        assertEquals(401, guess(kg, "203.0.113.1", "user1"));
        assertEquals(401, guess(kg, "203.0.113.1", "user2"));
        assertEquals(429, guess(kg, "203.0.113.1", "user3"), "the first client waits");
        return guess(kg, "198.51.100.2", "user4");
    }

    private static int guess(KgServerExtension kg, String clientAddress, String user) {
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":guess").getBytes(StandardCharsets.UTF_8));
        return SparqlClient.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(kg.baseUrl() + "/kg/update"))
            .header("Authorization", auth).header("X-Forwarded-For", clientAddress)
            .POST(HttpRequest.BodyPublishers.ofString(""))).statusCode();
    }

    @Test
    void withTrustedForwardingEachClientIsCountedApart() {
        assertEquals(401, thirdGuessFromAnotherClient(trusting));
    }

    @Test
    void withoutItForgedAddressesDoNotEscapeTheLimit() {
        assertEquals(429, thirdGuessFromAnotherClient(untrusting));
    }
}
