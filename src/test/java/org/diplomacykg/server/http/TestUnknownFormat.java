package org.diplomacykg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A {@code ?format=} that an endpoint does not offer is answered the same way everywhere. */
class TestUnknownFormat {

    /** Every endpoint that negotiates its representation, on things the fixture has. */
    private static final List<String> PATHS = List.of(
        "/id/sergey-lavrov", "/ontology", "/timeline/sergey-lavrov", "/timeline/", "/article/test-article", "/article/",
        "/.well-known/void", "/kg/sparql", "/kg");

    private static final Pattern FIRST_LINE = Pattern.compile(
        "None of the media types in the Accept header \\(or \\?format=\\) can be given here\\. .+ is available as:");
    private static final Pattern OFFER = Pattern.compile("  \\S+/\\S+ +.+ \\?format=[a-z-]+");

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture();

    @Test
    void unknownFormatIs406ListingTheFormatsOnOffer() {
        for ( String path : PATHS ) {
            HttpResponse<String> response = SparqlClient.get(kg.baseUrl() + path + "?format=docx", "*/*");
            assertEquals(406, response.statusCode(), path + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), path);
            List<String> lines = response.body().strip().lines().toList();
            assertTrue(FIRST_LINE.matcher(lines.get(0)).matches(), path + ": " + lines.get(0));
            assertFalse(lines.size() < 2, path + " lists its formats");
            for ( String offer : lines.subList(1, lines.size()) )
                assertTrue(OFFER.matcher(offer).matches(), path + ": " + offer);
        }
    }

    @Test
    void pagesStillAnswerTheirOwnFormat() {
        for ( String path : List.of("/timeline/", "/article/", "/article/test-article") )
            assertEquals(200, SparqlClient.get(kg.baseUrl() + path + "?format=html", "*/*").statusCode(), path);
    }
}
