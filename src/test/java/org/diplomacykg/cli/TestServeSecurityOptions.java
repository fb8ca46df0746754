package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.diplomacykg.ChildJvm;
import org.diplomacykg.Fixtures;
import org.diplomacykg.Main;
import org.diplomacykg.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;

/**
 * The options of {@code serve} that protect passwords: bad values stop it before the load with one
 * line that gives no secret away, and a server that would take passwords over plain HTTP on the
 * network says so at start.
 */
class TestServeSecurityOptions {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("serve", "--port", "0", "--ontology", Fixtures.path("kg/ontology").toString(),
                                                   "--data", Fixtures.path("kg/data").toString()));
        all.addAll(List.of(args));
        return cmd.execute(all.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--http-port, 8080",
        "--tls-password-file, /etc/hostname",
        "--login-delay, 0",
        "--login-max-delay, 0",
        "--login-free-failures, -1",
    })
    void aBadValueIsAUsageError(String option, String value) {
        assertEquals(2, run(option, value), err::toString);
        assertFalse(err.toString().contains("\tat "), err::toString);
    }

    @Test
    void helpDocumentsTheOptions() {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        assertEquals(0, cmd.execute("serve", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        for ( String option : new String[] { "--tls-keystore=FILE.p12", "--tls-password-file=FILE", "--http-port=PORT",
                                             "--read-passwd=FILE", "--login-free-failures=N", "--login-delay=SECONDS",
                                             "--login-max-delay=SECONDS", "--trust-forwarded" } )
            assertTrue(help.contains(option), option);
    }

    @Test
    void aWrongKeystorePasswordIsOneLineWithoutThePassword() throws Exception {
        Path keystore = tmp.resolve("kg.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", "kg", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
            "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "right keystore password")
            .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);

        Path wrong = TestServers.makePrivate(Files.writeString(tmp.resolve("tls-password"), "wrong keystore password\n"));
        assertEquals(1, run("--tls-keystore", keystore.toString(), "--tls-password-file", wrong.toString()));
        assertEquals(1, err.toString().lines().count(), err::toString);
        assertTrue(err.toString().contains("cannot open TLS keystore"), err::toString);
        assertFalse(err.toString().contains("wrong keystore password"), err::toString);

        err.getBuffer().setLength(0);
        Path shared = Files.writeString(tmp.resolve("tls-password-shared"), "right keystore password\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, run("--tls-keystore", keystore.toString(), "--tls-password-file", shared.toString()));
        assertTrue(err.toString().contains("chmod 600"), err::toString);
    }

    @Test
    void passwordsOverPlainHttpOnTheNetworkAreWarnedAboutAndPlainTextEntriesNamed() throws IOException {
        Path passwd = TestServers.makePrivate(Files.writeString(tmp.resolve("passwd"), "alice: " + PASSWORD + "\n"));
        String[] data = { "--ontology", Fixtures.path("kg/ontology").toString(), "--data", Fixtures.path("kg/data").toString(),
                          "--passwd", passwd.toString() };
        String open;
        try ( ChildJvm.Server server = ChildJvm.serve(tmp.resolve("open.log"), data) ) {
            open = server.jvm().output();
        }
        assertTrue(open.contains("Passwords travel in clear"), open);
        assertTrue(open.contains("holds the password of alice in plain text") && open.contains("passwd " + passwd + " USER"), open);
        assertFalse(open.contains(PASSWORD), open);

        List<String> loopback = new ArrayList<>(List.of(data));
        loopback.addAll(List.of("--bind", "127.0.0.1"));
        String local;
        try ( ChildJvm.Server server = ChildJvm.serve(tmp.resolve("local.log"), loopback.toArray(String[]::new)) ) {
            local = server.jvm().output();
        }
        assertFalse(local.contains("Passwords travel in clear"), local);
    }
}
