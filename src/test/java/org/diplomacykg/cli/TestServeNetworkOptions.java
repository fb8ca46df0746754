package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

import org.apache.jena.query.DatasetFactory;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.Main;
import org.diplomacykg.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;

/** {@code serve --bind ADDRESS} and {@code serve --cors-origin ORIGIN}. */
class TestServeNetworkOptions {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--bind, no-such-host.invalid",
        "--cors-origin, ftp://app.example.org",
        "--cors-origin, https://app.example.org/page",
        "--cors-origin, app.example.org",
    })
    void aBadValueIsAUsageErrorBeforeAnythingIsLoaded(String option, String value) {
        int code = run("serve", option, value, "--data", "no-such-directory");
        assertEquals(2, code, err::toString);
        assertTrue(err.toString().contains(value), err::toString);
        assertFalse(err.toString().contains("\tat "), err::toString);
    }

    @Test
    void helpDocumentsTheOptions() {
        assertEquals(0, run("serve", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("--bind=ADDRESS"), help);
        assertTrue(help.contains("--cors-origin=ORIGIN"), help);
    }

    @Test
    void originsAreComparedAsBrowsersSendThem() {
        assertEquals("https://app.example.org", ServerConfig.checkOrigin("HTTPS://App.Example.org/"));
        assertEquals("http://localhost:8080", ServerConfig.checkOrigin("http://localhost:8080"));
        assertThrows(RuntimeException.class, () -> ServerConfig.checkOrigin("https://user@app.example.org"));
    }

    /** As {@code serve --bind 127.0.0.1}. */
    @RegisterExtension
    static final KgServerExtension bound = KgServerExtension.serving(DatasetFactory::createTxnMem).bind("127.0.0.1");

    @Test
    void aBoundServerListensOnItsAddressOnly() throws IOException {
        int port = bound.server().getHttpPort();
        assertTrue(connects(InetAddress.getByName("127.0.0.1"), port), "127.0.0.1 is served");
        // Linux routes all of 127.0.0.0/8 to the loopback interface: a server on every address would answer 127.0.0.2.
        // Before, this test checked only a non-loopback address, and passed unchecked on a machine with none.
        assertFalse(connects(InetAddress.getByName("127.0.0.2"), port), "127.0.0.2 is not served");
        // Another address of this machine, where there is one, is not.
        Optional<InetAddress> other = otherAddress();
        other.ifPresent(address -> assertFalse(connects(address, port), address + " is not served"));
    }

    private static boolean connects(InetAddress address, int port) {
        try ( Socket socket = new Socket() ) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException ex) {
            return false;
        }
    }

    /** An IPv4 address of this machine that is not a loopback one. */
    private static Optional<InetAddress> otherAddress() throws SocketException {
        for ( NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces()) ) {
            if ( !nic.isUp() || nic.isLoopback() )
                continue;
            for ( InetAddress address : Collections.list(nic.getInetAddresses()) )
                if ( address instanceof Inet4Address )
                    return Optional.of(address);
        }
        return Optional.empty();
    }
}
