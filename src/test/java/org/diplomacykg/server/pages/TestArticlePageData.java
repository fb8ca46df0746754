package org.diplomacykg.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The article pages of the project's own data: every article's spans are found in its text. */
class TestArticlePageData {

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();

    @Test
    void everyArticleShowsItsTextWithEverySpanFound() throws Exception {
        List<String> slugs;
        try ( Stream<Path> dirs = Files.list(Path.of("data", "articles")) ) {
            slugs = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertFalse(slugs.isEmpty());
        String index = SparqlClient.get(kg.baseUrl() + "/article/", "text/html").body();
        for ( String slug : slugs ) {
            assertTrue(index.contains("href=\"" + kg.baseUrl() + "/article/" + slug + "\""), "listed: " + slug);
            var response = SparqlClient.get(kg.baseUrl() + "/article/" + slug, "text/html");
            assertEquals(200, response.statusCode(), slug);
            String page = response.body();
            assertTrue(page.contains("<mark"), slug + " has highlights");
            assertTrue(page.contains("class=\"span-entry\""), slug + " lists its spans");
            assertFalse(page.contains("span-entry unlocated"), slug + ": a span the page cannot place in the text");
        }
    }
}
