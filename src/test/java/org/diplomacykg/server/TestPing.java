package org.diplomacykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.diplomacykg.SparqlClient;
import org.diplomacykg.TestServers;
import org.junit.jupiter.api.Test;

/** {@code /$/ping} answers so that load balancers and scripts can tell the server is up. */
class TestPing {

    @Test
    void pingAnswers200() {
        try ( TestServers.Running kg = TestServers.startFixture() ) {
            assertEquals(200, SparqlClient.get(kg.baseUrl() + "/$/ping", "*/*").statusCode());
        }
    }
}
