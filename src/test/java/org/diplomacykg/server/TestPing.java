package org.diplomacykg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /$/ping} answers so that load balancers and scripts can tell the server is up. */
class TestPing {

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture();

    @Test
    void pingAnswers200() {
        var response = SparqlClient.get(kg.baseUrl() + "/$/ping", "*/*");
        assertEquals(200, response.statusCode());
        // Fuseki's ping answers with the time; a catch-all page or a redirect target would not.
        assertEquals("text/plain", response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim());
    }
}
