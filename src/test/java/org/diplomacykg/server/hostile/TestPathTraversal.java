package org.diplomacykg.server.hostile;

import static org.diplomacykg.server.hostile.Hostile.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request paths that try to climb out of {@code /id/}, {@code /static/}, {@code /timeline/},
 * {@code /ontology} and {@code /kg/articles/} to files of the server: each gets a 4xx, and no
 * response ever carries a file's content. Sent over a raw socket, so that the server sees the
 * path exactly as written.
 */
class TestPathTraversal {

    @RegisterExtension
    static final Hostile writable = Hostile.writable();
    @RegisterExtension
    static final Hostile readOnly = Hostile.readOnly();

    /** What would show that a file was read: /etc/passwd, the pom, the password file, a Java class, the data. */
    private static final List<String> FILE_CONTENT = List.of(
        "root:x:0", "root:*:0", "<modelVersion>", "<artifactId>", "correct horse battery staple", "alice:", "\u00CA\u00FE\u00BA\u00BE",
        "@prefix", "[boot loader]", "sh:NodeShape");

    static Stream<String> targets() {
        List<String> climbs = List.of(
            "../../etc/passwd", "../../../../../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "..%2f..%2f..%2fetc%2fpasswd", "..%5c..%5c..%5cetc%5cpasswd", "..\\..\\..\\etc\\passwd", "%252e%252e%252fetc%252fpasswd",
            "....//....//etc/passwd", "..;/..;/etc/passwd", "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "%2e%2e/%2e%2e/pom.xml",
            "../pom.xml", "../../pom.xml", "..%2fpom.xml", "../passwd", "..%2f..%2fpasswd", "%00../../etc/passwd", "x%00.ttl",
            "..%00/etc/passwd", "/etc/passwd", "//etc/passwd", "file:///etc/passwd", "%2fetc%2fpasswd",
            "../ontology/shapes.ttl", "..%2f..%2fontology%2fshapes.ttl", "../../ontology/shapes.ttl", "../../data/reference.ttl",
            "../../src/main/java/org/diplomacykg/Main.java", "../../target/classes/org/diplomacykg/Main.class",
            "../../../../../../../../proc/self/environ", "%u002e%u002e/%u002e%u002e/etc/passwd");
        List<String> targets = new ArrayList<>();
        for ( String prefix : List.of("/id/", "/static/", "/static/yasgui/", "/timeline/", "/ontology/", "/kg/articles/", "/.well-known/",
                                      "/kg/get/", "/$/") )
            for ( String climb : climbs )
                targets.add(prefix + climb);
        targets.addAll(List.of("/ontology/../pom.xml", "/ontology%2f..%2fpom.xml", "/ontology/..%2fpom.xml", "/ontology;/../pom.xml",
                               "/static/style.css/../../../pom.xml", "/static/style.css%00../../pom.xml", "/pom.xml", "/passwd",
                               "/ontology/shapes.ttl", "/data/reference.ttl", "/../pom.xml", "/..", "/%2e%2e", "/../..",
                               "/static/%2e%2e", "/id/%2e%2e", "/timeline/%2e%2e", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
                               "/static/../META-INF/MANIFEST.MF", "/static/..%2fMETA-INF%2fMANIFEST.MF",
                               "/static/../org/diplomacykg/Main.class", "/static/../simplelogger.properties",
                               "/static/../templates/home.ftlh", "/static/%2e%2e/templates/home.ftlh"));
        return targets.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void aPathThatClimbsOutIsAClientErrorAndShowsNoFile(String target) {
        for ( Hostile kg : new Hostile[] { writable, readOnly } ) {
            for ( String method : new String[] { "GET", "HEAD" } ) {
                Hostile.RawResponse response = kg.raw(method, target);
                String what = (kg.writable ? "writable: " : "read-only: ") + response.request() + " -> " + shorten(response.text(), 800);
                assertTrue(response.status() >= 400 && response.status() < 500, "expected a 4xx: " + what);
                for ( String content : FILE_CONTENT )
                    assertFalse(response.text().contains(content), "file content '" + content + "' in the response: " + what);
                assertNoStackTrace(response.text(), what);
            }
        }
        writable.assertAlive();
        readOnly.assertAlive();
    }
}
