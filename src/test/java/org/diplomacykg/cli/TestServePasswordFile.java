package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.diplomacykg.Fixtures;
import org.diplomacykg.Main;
import org.diplomacykg.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code serve --passwd FILE} refuses to start, with one line and a non-zero exit, when FILE
 * cannot give it a single user with a password (there is no default to fall back on), or when
 * other users of the machine may read it.
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
        Path empty = TestServers.makePrivate(Files.writeString(tmp.resolve("passwd"), "# nobody yet\n\n"));
        assertRefused(serve(empty), empty, "names no user");
    }

    @Test
    void aUserWithoutAPasswordIsOneLine() throws IOException {
        Path file = TestServers.makePrivate(Files.writeString(tmp.resolve("passwd"), "alice: secret\nbob:\n"));
        assertRefused(serve(file), file, "'bob'");
    }

    @Test
    void aFileOthersMayReadIsRefusedWithTheCommandThatFixesIt() throws IOException {
        for ( String permissions : new String[] { "rw-r-----", "rw----r--", "rw-rw-rw-" } ) {
            err.getBuffer().setLength(0);
            Path file = Files.writeString(tmp.resolve("passwd"), "alice: secret\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
            assertRefused(serve(file), file, "chmod 600 " + file);
        }
    }

    @Test
    void aReadersFileOthersMayReadIsRefusedToo() throws IOException {
        Path writers = TestServers.makePrivate(Files.writeString(tmp.resolve("passwd"), "alice: secret\n"));
        Path readers = Files.writeString(tmp.resolve("readers"), "bob: other secret\n");
        Files.setPosixFilePermissions(readers, PosixFilePermissions.fromString("rw-r--r--"));
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("serve", "--port", "0", "--passwd", writers.toString(), "--read-passwd", readers.toString(),
                               "--ontology", Fixtures.path("kg/ontology").toString(), "--data", Fixtures.path("kg/data").toString());
        assertRefused(code, readers, "chmod 600");
    }

    @Test
    void aDirectoryIsOneLine() {
        assertRefused(serve(tmp), tmp, "is a directory");
    }

    @Test
    void aUserInBothFilesIsRefused() throws IOException {
        Path writers = TestServers.makePrivate(Files.writeString(tmp.resolve("passwd"), "alice: secret\n"));
        Path readers = TestServers.makePrivate(Files.writeString(tmp.resolve("readers"), "bob: other\nalice: another\n"));
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute("serve", "--port", "0", "--passwd", writers.toString(), "--read-passwd", readers.toString(),
                               "--ontology", Fixtures.path("kg/ontology").toString(), "--data", Fixtures.path("kg/data").toString());
        assertRefused(code, readers, "alice are in both");
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
