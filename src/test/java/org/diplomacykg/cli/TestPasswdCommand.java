package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.diplomacykg.Main;
import org.diplomacykg.server.write.PasswordFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * {@code passwd FILE USER}: the password comes from standard input and only a salted bcrypt hash
 * of it reaches the file, which is left private; other users' lines stay as they were.
 */
class TestPasswdCommand {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int passwd(Path file, String user, String stdin) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cmd = Main.commandLine();
            cmd.setOut(new PrintWriter(out, true));
            cmd.setErr(new PrintWriter(err, true));
            return cmd.execute("passwd", file.toString(), user);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void aNewFileHoldsASaltedHashAndOnlyItsOwnerMayReadIt() throws IOException {
        Path file = tmp.resolve("passwd");
        assertEquals(0, passwd(file, "alice", PASSWORD + "\n"), err::toString);
        assertEquals(0, passwd(tmp.resolve("other"), "alice", PASSWORD + "\n"), err::toString);
        String text = Files.readString(file);
        assertFalse(text.contains(PASSWORD) || text.contains("horse"), text);
        assertTrue(text.startsWith("alice: " + PasswordFile.BCRYPT + "$2a$"), text);
        assertNotEquals(text, Files.readString(tmp.resolve("other")), "the same password hashes differently: salted");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertFalse(out.toString().contains(PASSWORD) || err.toString().contains(PASSWORD));

        PasswordFile read = PasswordFile.read(file);
        assertTrue(read.credential("alice").check(PASSWORD));
        assertFalse(read.credential("alice").check(PASSWORD + " "));
        assertFalse(read.credential("alice").check("wrong"));
        assertEquals(List.of(), List.copyOf(read.weakUsers()));
    }

    @Test
    void replacingAUserKeepsTheOtherLines() throws IOException {
        Path file = Files.writeString(tmp.resolve("passwd"), "# who may write\nalice: old\nbob: MD5:5f4dcc3b5aa765d61d8327deb882cf99\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, passwd(file, "alice", PASSWORD + "\n"), err::toString);
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size(), lines::toString);
        assertEquals("# who may write", lines.get(0));
        assertTrue(lines.get(1).startsWith("alice: BCRYPT:"), lines::toString);
        assertEquals("bob: MD5:5f4dcc3b5aa765d61d8327deb882cf99", lines.get(2));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));

        PasswordFile read = PasswordFile.read(file);
        assertTrue(read.credential("alice").check(PASSWORD));
        assertFalse(read.credential("alice").check("old"));
        assertTrue(read.credential("bob").check("password"), "Jetty's MD5 entries still work");
        assertEquals(List.of("bob"), List.copyOf(read.weakUsers()));
    }

    @Test
    void noPasswordABadUserNameOrAPasswordLongerThanBcryptReadsIsRefused() throws IOException {
        Path file = tmp.resolve("passwd");
        assertEquals(1, passwd(file, "alice", ""));
        assertTrue(err.toString().contains("no password"), err::toString);
        for ( String user : new String[] { "al ice", "alice:", "#alice", "al=ice", "" } ) {
            assertEquals(1, passwd(file, user, PASSWORD + "\n"), user);
        }
        assertEquals(1, passwd(file, "alice", "x".repeat(73) + "\n"));
        assertTrue(err.toString().contains("72 bytes"), err::toString);
        assertFalse(Files.exists(file), "nothing written");
        assertFalse(err.toString().contains("\tat "), err::toString);
    }
}
