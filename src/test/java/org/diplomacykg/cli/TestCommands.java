package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diplomacykg.Fixtures;
import org.diplomacykg.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The command line, run in-process: exit codes and what a person sees. */
class TestCommands {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private static String dir(String fixture) {
        return Fixtures.path(fixture).toString();
    }

    @Test
    void validateConformingDataExitsZero() {
        int code = run("validate", "--ontology", dir("kg/ontology"), "--data", dir("kg/data"));
        assertEquals(0, code, err::toString);
        assertTrue(out.toString().startsWith("conforms"), out::toString);
    }

    @Test
    void validateViolatingDataExitsOneWithReport() {
        int code = run("validate", "--ontology", dir("kg/ontology"), "--data", dir("violating/data"));
        assertEquals(1, code);
        assertTrue(out.toString().contains("A person needs a label"), out::toString);
        assertTrue(out.toString().contains("id:unnamed-envoy"), out::toString);
        assertTrue(out.toString().contains("fix: add rdfs:label to id:unnamed-envoy"), out::toString);
    }

    @Test
    void validateSyntaxErrorExitsOneNamingTheFile() throws IOException {
        Path root = Fixtures.copy("kg", tmp);
        Path reference = root.resolve("data/reference.ttl");
        Files.writeString(reference, "<urn:a> <urn:b> .\n");
        int code = run("validate", "--ontology", root.resolve("ontology").toString(), "--data", root.resolve("data").toString());
        assertEquals(1, code);
        assertTrue(out.toString().contains(reference + ":1:"), out::toString);
        assertNoStackTrace(err.toString());
    }

    @Test
    void missingDirectoryIsOneLine() {
        Path missing = tmp.resolve("no-data");
        int code = run("validate", "--ontology", dir("kg/ontology"), "--data", missing.toString());
        assertEquals(1, code);
        assertEquals(1, err.toString().lines().count(), err::toString);
        assertTrue(err.toString().contains(missing.toString()) && err.toString().contains("--data"), err::toString);
        assertNoStackTrace(err.toString());
    }

    @Test
    void serveRefusesInvalidData() {
        int code = run("serve", "--port", "0", "--ontology", dir("kg/ontology"), "--data", dir("violating/data"));
        assertEquals(1, code);
        assertTrue(err.toString().contains("A person needs a label") && err.toString().contains("nothing was loaded"), err::toString);
    }

    @Test
    void serveReportsBusyPort() throws IOException {
        try ( ServerSocket busy = new ServerSocket(0) ) {
            int code = run("serve", "--port", Integer.toString(busy.getLocalPort()),
                           "--ontology", dir("kg/ontology"), "--data", dir("kg/data"));
            assertEquals(1, code);
            assertTrue(err.toString().contains("already in use"), err::toString);
            assertNoStackTrace(err.toString());
        }
    }

    @Test
    void serveRejectsNonPositiveTimeout() {
        int code = run("serve", "--timeout", "0");
        assertEquals(2, code);
        assertTrue(err.toString().contains("timeout"), err::toString);
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("serve"), err::toString);
    }

    private static void assertNoStackTrace(String text) {
        assertFalse(text.contains("\tat ") || text.contains("Exception"), text);
    }
}
