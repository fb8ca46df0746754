package org.diplomacykg.server.linkeddata;

import static org.diplomacykg.SparqlClient.get;
import static org.diplomacykg.SparqlClient.requireOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Markup in the data is shown as text on the page, never run. */
class TestResourcePageEscaping {

    private static final String SCRIPT = "<script>alert('kg')</script>";

    /** The project's data with markup added to a label and a literal. */
    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project().edited(dir -> Files.writeString(dir.resolve("data/reference.ttl"), """

            :sergey-lavrov dcterms:source "%s & <b>co</b>"@en .
            :note-with-markup rdfs:label "%s"@en ;
                dkg:about :sergey-lavrov .
            """.formatted(SCRIPT, SCRIPT), StandardCharsets.UTF_8, StandardOpenOption.APPEND));

    @Test
    void literalsAndLabelsAreEscaped() {
        var response = get(kg.baseUrl() + "/id/sergey-lavrov", "text/html");
        requireOk(response);
        String html = response.body();
        assertFalse(html.contains("<script>"), "no script element from the data");
        assertFalse(html.contains("<b>co</b>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;kg&#39;)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;"), "the literal as text");
        assertTrue(html.contains(">&lt;script&gt;alert(&#39;kg&#39;)&lt;/script&gt;</a>"), "a linked thing's label as text");
    }

    /**
     * The 404 page shows the path as the client sent it, still percent-encoded, so markup in a
     * link's path cannot become markup on the page. (Before, the test sent {@code %2F}, which Jetty
     * refuses with 400 as an ambiguous path: the page under test was never reached.) Markup sent
     * raw, as a hand-made request may, never reaches the page: Jetty refuses it and escapes it in its own error page.
     */
    @Test
    void notFoundPageEscapesThePath() throws IOException {
        var response = get(kg.baseUrl() + "/id/%3Cscript%3Ealert(1)%3C/script%3E", "text/html");
        assertEquals(404, response.statusCode(), response.body());
        assertTrue(response.body().contains("Nothing is known by that name"), "the service's own 404 page: " + response.body());
        assertTrue(response.body().contains("<code>/id/%3Cscript%3Ealert(1)%3C/script%3E</code>"), response.body());
        assertFalse(response.body().contains("<script>alert(1)"), response.body());

        String raw = rawGet("/id/<script>alert(1)</script>");
        assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
        assertFalse(raw.contains("<script>alert(1)"), raw);
    }

    private static String rawGet(String path) throws IOException {
        try ( Socket socket = new Socket("localhost", kg.server().getHttpPort()) ) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
