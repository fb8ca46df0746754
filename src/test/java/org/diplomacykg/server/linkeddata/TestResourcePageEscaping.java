package org.diplomacykg.server.linkeddata;

import static org.diplomacykg.SparqlClient.get;
import static org.diplomacykg.SparqlClient.requireOk;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.diplomacykg.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markup in the data is shown as text on the page, never run. */
class TestResourcePageEscaping {

    private static final String SCRIPT = "<script>alert('kg')</script>";

    @TempDir
    static Path dir;

    private static TestServers.Running kg;

    @BeforeAll
    static void start() throws IOException {
        Path data = dir.resolve("data");
        copyTree(Path.of("data"), data);
        Files.writeString(data.resolve("reference.ttl"), """

            :sergey-lavrov dcterms:source "%s & <b>co</b>"@en .
            :note-with-markup rdfs:label "%s"@en ;
                dkg:about :sergey-lavrov .
            """.formatted(SCRIPT, SCRIPT), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        kg = TestServers.start(Path.of("ontology"), data);
    }

    @AfterAll
    static void stop() {
        if ( kg != null )
            kg.close();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try ( Stream<Path> paths = Files.walk(from) ) {
            for ( Path source : paths.toList() ) {
                Path target = to.resolve(from.relativize(source).toString());
                if ( Files.isDirectory(source) )
                    Files.createDirectories(target);
                else
                    Files.copy(source, target);
            }
        }
    }

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

    @Test
    void notFoundPageEscapesThePath() {
        var response = get(kg.baseUrl() + "/id/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "text/html");
        assertFalse(response.body().contains("<script>alert(1)"), response.body());
    }
}
