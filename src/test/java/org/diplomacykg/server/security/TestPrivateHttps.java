package org.diplomacykg.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.diplomacykg.KgServerExtension;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.TestServers;
import org.diplomacykg.server.write.PasswordFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A private deployment attacked from outside: HTTPS with a certificate made for the test, a
 * plain-HTTP port that only redirects, a writer ({@code --passwd}) and a reader
 * ({@code --read-passwd}) with bcrypt-hashed passwords, and short login delays. A client that
 * does not trust the certificate gets nothing; credentials sent in clear are refused; nothing
 * is readable without a login; a reader cannot write; how long a refusal takes does not tell which
 * user names exist; guessing meets 429 quickly and the right password still works after the wait;
 * no answer and no log line holds a password or its hash.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestPrivateHttps {

    private static final String WRITER = "alice";
    private static final String WRITER_PASSWORD = "correct horse battery staple";
    private static final String READER = "bob";
    private static final String READER_PASSWORD = "tr0ub4dor and 3";
    private static final String KEYSTORE_PASSWORD = "keystore secret 42";
    private static final int FREE_FAILURES = 3;
    private static final LoginLimits LIMITS = new LoginLimits(FREE_FAILURES, Duration.ofMillis(500), Duration.ofSeconds(1));

    /** Every read page and endpoint; on a private server each needs a login. */
    private static final List<String> READS = List.of("/", "/kg", "/kg/sparql?query=ASK%7B%7D", "/kg/query?query=ASK%7B%7D",
        "/kg/get?default", "/id/sergey-lavrov", "/ontology", "/timeline", "/article/test-article", "/.well-known/void",
        "/static/style.css");

    private static final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** Captures the server's log (slf4j-simple writes to System.err) from before it starts, while still showing it. */
    @RegisterExtension
    @Order(1)
    static final LogCapture captureLog = new LogCapture();

    @RegisterExtension
    @Order(2)
    static final KgServerExtension kg = KgServerExtension.fixture()
        .writers(dir -> {
            Path writers = dir.resolve("passwd");
            PasswordFile.put(writers, WRITER, WRITER_PASSWORD);
            return writers;
        })
        .secured(dir -> {
            Path keystore = dir.resolve("server.p12");
            keytool("-genkeypair", "-alias", "kg", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD);
            Path tlsPassword = TestServers.makePrivate(Files.writeString(dir.resolve("tls-password"), KEYSTORE_PASSWORD + "\n"));
            Path readers = dir.resolve("readers");
            PasswordFile.put(readers, READER, READER_PASSWORD);
            return new Security(Tls.read(keystore, tlsPassword, 0), PasswordFile.read(readers), LIMITS, false);
        });

    private static SSLContext trustsTheCertificate;
    /** Reuses connections: for requests the server does not refuse. */
    private static HttpClient trusting;
    /** Everything the server answered: status line, headers and body. */
    private static final StringBuilder answers = new StringBuilder();

    @BeforeAll
    static void trustTheCertificate() throws Exception {
        trustsTheCertificate = trusting(kg.dir().resolve("server.p12"));
        trusting = fresh();
    }

    private static final class LogCapture implements BeforeAllCallback, AfterAllCallback {
        private PrintStream originalErr;

        @Override
        public void beforeAll(ExtensionContext context) {
            originalErr = System.err;
            System.setErr(new PrintStream(new TeeStream(originalErr, log), true, StandardCharsets.UTF_8));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            System.setErr(originalErr);
        }
    }

    @Test
    @Order(1)
    void aClientThatDoesNotTrustTheCertificateGetsNoAnswer() {
        HttpClient untrusting = HttpClient.newHttpClient();
        IOException refused = assertThrows(IOException.class, () -> untrusting.send(
            HttpRequest.newBuilder(URI.create(kg.httpsUrl() + "/$/ping")).build(), BodyHandlers.ofString()));
        assertTrue(refused instanceof SSLHandshakeException || refused.getCause() instanceof SSLHandshakeException,
                   refused::toString);
    }

    @Test
    @Order(2)
    void plainHttpOnlyRedirectsToHttps() {
        HttpResponse<String> response = send(HttpClient.newHttpClient(),
            HttpRequest.newBuilder(URI.create(httpUrl() + "/kg/sparql?query=ASK%7B%7D")));
        assertEquals(308, response.statusCode());
        assertEquals(kg.httpsUrl() + "/kg/sparql?query=ASK%7B%7D", response.headers().firstValue("Location").orElse(""));
        assertEquals("", response.body(), "nothing is served over plain HTTP");
    }

    @Test
    @Order(3)
    void credentialsSentOverPlainHttpAreRefusedAndNothingIsDone() {
        long before = kg.namedGraphTriples();
        for ( String auth : new String[] { basic(WRITER, WRITER_PASSWORD), basic(READER, READER_PASSWORD), basic(WRITER, "wrong") } ) {
            HttpResponse<String> write = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(httpUrl() + "/kg/update"))
                .header("Authorization", auth).header("Content-Type", SparqlClient.SPARQL_UPDATE)
                .POST(BodyPublishers.ofString(insert("over-http"))));
            assertEquals(403, write.statusCode(), write::body);
            assertTrue(write.body().contains("HTTPS"), write::body);
            HttpResponse<String> read = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(httpUrl() + "/"))
                .header("Authorization", auth));
            assertEquals(403, read.statusCode(), read::body);
        }
        assertEquals(before, kg.namedGraphTriples(), "nothing written");
    }

    @Test
    @Order(4)
    void nothingButPingIsReadableWithoutALogin() {
        for ( String path : READS ) {
            HttpResponse<String> response = send(trusting, https(path));
            assertEquals(401, response.statusCode(), path);
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), path);
        }
        assertEquals(200, send(trusting, https("/$/ping")).statusCode());
    }

    @Test
    @Order(5)
    void readersAndWritersMayRead() {
        for ( String user : new String[] { READER, WRITER } ) {
            String auth = user.equals(READER) ? basic(READER, READER_PASSWORD) : basic(WRITER, WRITER_PASSWORD);
            Map<String, Integer> statuses = new TreeMap<>();
            for ( String path : READS )
                statuses.put(path, send(trusting, https(path).header("Authorization", auth)).statusCode());
            statuses.forEach((path, status) -> assertEquals(200, status, () -> user + " " + statuses));
        }
    }

    @Test
    @Order(6)
    void aReaderMayNotWriteAndAWriterMay() {
        long before = kg.namedGraphTriples();
        String reader = basic(READER, READER_PASSWORD);
        assertEquals(403, send(fresh(), https("/kg/update").header("Authorization", reader)
            .header("Content-Type", SparqlClient.SPARQL_UPDATE).POST(BodyPublishers.ofString(insert("by-reader")))).statusCode());
        assertEquals(403, send(fresh(), https("/kg/data?graph=" + graph("by-reader")).header("Authorization", reader)
            .header("Content-Type", "text/turtle").PUT(BodyPublishers.ofString(TRIPLE))).statusCode());
        assertEquals(403, send(fresh(), https("/kg/articles/by-reader").header("Authorization", reader)
            .header("Content-Type", "application/json").PUT(BodyPublishers.ofString("{\"text\": \"x\", \"facts\": \"\"}"))).statusCode());
        assertEquals(before, kg.namedGraphTriples(), "the reader wrote nothing");

        HttpResponse<String> write = send(fresh(), https("/kg/update").header("Authorization", basic(WRITER, WRITER_PASSWORD))
            .header("Content-Type", SparqlClient.SPARQL_UPDATE).POST(BodyPublishers.ofString("INSERT DATA {}")));
        assertEquals(204, write.statusCode(), write::body);
    }

    @Test
    @Order(7)
    void anUnknownUserIsRefusedAsSlowlyAsAWrongPassword() {
        long unknown = refusalNanos(basic("mallory", WRITER_PASSWORD));
        long known = refusalNanos(basic(WRITER, "not the password"));
        // A bcrypt check at cost 12 takes a good part of a second; a look-up of a name, microseconds.
        assertTrue(unknown * 3 > known, "unknown user refused in " + unknown / 1_000_000 + " ms, a wrong password in "
                                        + known / 1_000_000 + " ms: the difference tells which names exist");
        // Start afresh for the next test.
        assertEquals(200, send(trusting, https("/kg/sparql?query=ASK%7B%7D")
            .header("Authorization", basic(WRITER, WRITER_PASSWORD))).statusCode());
    }

    private static long refusalNanos(String auth) {
        long start = System.nanoTime();
        assertEquals(401, send(trusting, https("/kg/sparql?query=ASK%7B%7D").header("Authorization", auth)).statusCode());
        return System.nanoTime() - start;
    }

    @Test
    @Order(8)
    void aThousandWrongPasswordsMeet429SoonAndTheRightOneWorksAfterTheWait() throws InterruptedException {
        int checked = 0;
        int limited = 0;
        HttpResponse<String> last = null;
        for ( int i = 0; i < 1000; i++ ) {
            last = send(trusting, https("/kg/sparql?query=ASK%7B%7D").header("Authorization", basic(WRITER, "guess " + i)));
            if ( last.statusCode() == 401 ) {
                checked++;
            } else {
                assertEquals(429, last.statusCode(), last.body());
                limited++;
            }
            if ( limited == 1 )
                assertTrue(i <= FREE_FAILURES + 1, "the first 429 came at attempt " + (i + 1));
        }
        // The 1000 fast refusals outlast the waits a few times (up to 1 s each): a few more guesses are checked.
        assertTrue(checked < 50, checked + " guesses were checked");
        assertTrue(limited > 950, limited + " guesses were refused unchecked");

        // The right password during the wait is not even checked; after it, it works.
        HttpResponse<String> right = send(trusting, https("/kg/sparql?query=ASK%7B%7D").header("Authorization", basic(WRITER, "guess")));
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElse(
            right.headers().firstValue("Retry-After").orElse("1")));
        assertTrue(retryAfter >= 1 && retryAfter <= 1, "Retry-After " + retryAfter);
        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());
        assertEquals(200, send(trusting, https("/kg/sparql?query=ASK%7B%7D")
            .header("Authorization", basic(WRITER, WRITER_PASSWORD))).statusCode());
        assertEquals(401, send(trusting, https("/kg/sparql?query=ASK%7B%7D")
            .header("Authorization", basic(WRITER, "wrong again"))).statusCode(), "a success starts the count afresh");
    }

    @Test
    @Order(9)
    void noAnswerAndNoLogLineHoldsAPasswordOrItsHash() throws IOException {
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("Failed login for user '" + WRITER + "'"), "failed logins are logged");
        List<String> secrets = new ArrayList<>(List.of(WRITER_PASSWORD, READER_PASSWORD, KEYSTORE_PASSWORD, "guess 1"));
        for ( Path file : new Path[] { kg.passwordFile(), kg.dir().resolve("readers") } ) {
            String line = Files.readString(file).strip();
            String hash = line.substring(line.indexOf(PasswordFile.BCRYPT) + PasswordFile.BCRYPT.length());
            secrets.add(hash);
            // The hash's salt and checksum alone, in case something printed it without its prefix.
            secrets.add(hash.substring(hash.length() - 31));
        }
        for ( String secret : secrets ) {
            assertFalse(logged.contains(secret), "the log holds " + secret);
            assertFalse(answers.toString().contains(secret), "an answer holds " + secret);
        }
    }

    // ---- helpers

    private static final String TRIPLE = "<https://example.org/s> <https://example.org/p> <https://example.org/o> .";

    private static String graph(String name) {
        return "https%3A%2F%2Fw3id.org%2Fdiplomacy-kg%2Fgraph%2Fsource%2F" + name;
    }

    private static String insert(String name) {
        return "INSERT DATA { GRAPH <https://w3id.org/diplomacy-kg/graph/source/" + name + "> { " + TRIPLE + " } }";
    }

    /** A client of its own, for a request after which the server may close the connection (a refused write). */
    private static HttpClient fresh() {
        return HttpClient.newBuilder().sslContext(trustsTheCertificate).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static String httpUrl() {
        return "http://localhost:" + kg.server().getHttpPort();
    }

    private static HttpRequest.Builder https(String path) {
        return HttpRequest.newBuilder(URI.create(kg.httpsUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        HttpResponse<String> response = SparqlClient.send(client, request);
        synchronized ( answers ) {
            answers.append(response.statusCode()).append('\n').append(response.headers().map()).append('\n')
                   .append(response.body()).append('\n');
        }
        return response;
    }

    /** A client context that trusts the test certificate only. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try ( InputStream in = Files.newInputStream(keystore) ) {
            store.load(in, KEYSTORE_PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("kg", store.getCertificate("kg"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
    }

    /** Writes to two streams. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
