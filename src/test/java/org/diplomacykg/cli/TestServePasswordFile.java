package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.diplomacykg.Fixtures;
import org.diplomacykg.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code serve --passwd FILE} refuses to start, with one line and a non-zero exit, when FILE
 * cannot give it a single user with a password: there is no default to fall back on.
 */
class TestServePasswordFile {

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int serve(Path passwd) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute("serve", "--port", "0", "--passwd", passwd.toString(),
                           "--ontology", Fixtures.path("kg/ontology").toString(), "--data", Fixtures.path("kg/data").toString());
    }

    @Test
    void aMissingFileIsOneLine() {
        Path missing = tmp.resolve("no-passwd");
        assertRefused(serve(missing), missing, "does not exist");
    }

    @Test
    void anEmptyFileIsOneLine() throws IOException {
        Path empty = Files.writeString(tmp.resolve("passwd"), "# nobody yet\n\n");
        assertRefused(serve(empty), empty, "names no user");
    }

    @Test
    void aUserWithoutAPasswordIsOneLine() throws IOException {
        Path file = Files.writeString(tmp.resolve("passwd"), "alice: secret\nbob:\n");
        assertRefused(serve(file), file, "'bob'");
    }

    @Test
    void aDirectoryIsOneLine() {
        assertRefused(serve(tmp), tmp, "is a directory");
    }

    private void assertRefused(int code, Path file, String reason) {
        String text = err.toString();
        assertEquals(1, code, text);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("error: "), text);
        assertTrue(text.contains(file.toAbsolutePath().normalize().toString()) && text.contains(reason), text);
        assertFalse(text.contains("\tat ") || text.contains("Exception"), text);
    }
}
