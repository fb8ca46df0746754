package org.diplomacykg.server.linkeddata;

import static org.diplomacykg.SparqlClient.get;
import static org.diplomacykg.SparqlClient.requireOk;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With --base-url, every link of the page and of the Link header points at the public host. */
class TestResourceBaseUrl {

    private static final String PUBLIC = "https://kg.example.org";

    @RegisterExtension
    static final KgServerExtension server = KgServerExtension.project().publicBaseUrl(PUBLIC);

    private static String local() {
        return server.baseUrl();
    }

    @Test
    void pageLinksPointAtTheBaseUrl() {
        HttpResponse<String> response = get(local() + "/id/sergey-lavrov", "text/html");
        requireOk(response);
        String html = response.body();
        assertTrue(html.contains("href=\"" + PUBLIC + "/id/lavrov-rubio-call-2025-10-20\""), "things");
        assertTrue(html.contains("href=\"" + PUBLIC + "/id/marco-rubio\""), "inferred counterpart");
        assertTrue(html.contains("href=\"" + PUBLIC + "/ontology#Person\""), "classes");
        assertTrue(html.contains("href=\"" + PUBLIC + "/static/style.css\""), "the stylesheet");
        assertFalse(html.contains(local()), "nothing points at the host the request came to");
        assertFalse(html.contains("href=\"https://w3id.org/diplomacy-kg/id/"), "no link to the public IRI itself");
    }

    @Test
    void linkHeaderPointsAtTheBaseUrl() {
        HttpResponse<String> response = get(local() + "/id/sergey-lavrov", "text/turtle");
        String link = response.headers().firstValue("Link").orElse("");
        assertTrue(link.startsWith("<" + PUBLIC + "/id/sergey-lavrov?format="), link);
    }

    @Test
    void rdfKeepsThePublicIris() {
        HttpResponse<String> response = get(local() + "/id/sergey-lavrov", "application/n-triples");
        assertTrue(response.body().contains("<https://w3id.org/diplomacy-kg/id/sergey-lavrov>"));
        assertFalse(response.body().contains(PUBLIC));
    }
}
