package org.diplomacykg.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;

import org.diplomacykg.server.ServerConfigException;
import org.diplomacykg.server.write.PasswordFile;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS from a PKCS#12 keystore ({@code serve --tls-keystore FILE.p12 --tls-password-file FILE}):
 * TLS 1.2 and 1.3 only, on the server's port. Plain HTTP is then off, or, with an HTTP port,
 * there only to send clients to HTTPS ({@link HttpsOnly}).
 *
 * @param keystore the PKCS#12 file with the server's key and certificate chain
 * @param password the keystore's password
 * @param httpPort the port that redirects plain HTTP to HTTPS, or null for none (0: a free one)
 */
public record Tls(Path keystore, String password, Integer httpPort) {

    /** The protocols offered; older ones have known weaknesses. */
    static final String[] PROTOCOLS = { "TLSv1.3", "TLSv1.2" };

    @Override
    public String toString() {
        // Never the password, should the record be logged.
        return "Tls[keystore=" + keystore + ", httpPort=" + httpPort + "]";
    }

    /**
     * Reads the password from the first line of {@code passwordFile}, which must be private like
     * a password file, and opens the keystore with it, so that a wrong password or a keystore
     * without a key is reported at start, in one line.
     */
    public static Tls read(Path keystore, Path passwordFile, Integer httpPort) {
        if ( passwordFile == null )
            throw new ServerConfigException("--tls-keystore needs --tls-password-file FILE, a private file with the keystore's password");
        if ( !Files.isRegularFile(keystore) )
            throw new ServerConfigException("TLS keystore " + keystore.toAbsolutePath().normalize() + " does not exist");
        if ( !Files.isRegularFile(passwordFile) )
            throw new ServerConfigException("TLS password file " + passwordFile.toAbsolutePath().normalize() + " does not exist");
        PasswordFile.checkPrivate(passwordFile, "TLS password file");
        String password;
        try {
            List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
            password = lines.isEmpty() ? "" : lines.get(0);
        } catch (IOException ex) {
            throw new ServerConfigException("cannot read TLS password file " + passwordFile.toAbsolutePath().normalize() + ": " + ex.getMessage());
        }
        checkKeystore(keystore, password);
        return new Tls(keystore, password, httpPort);
    }

    private static void checkKeystore(Path keystore, String password) {
        Path shown = keystore.toAbsolutePath().normalize();
        try ( InputStream in = Files.newInputStream(keystore) ) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            for ( String alias : Collections.list(store.aliases()) ) {
                if ( store.isKeyEntry(alias) )
                    return;
            }
            throw new ServerConfigException("TLS keystore " + shown + " holds no private key: make one with keytool -genkeypair (see README)");
        } catch (IOException | GeneralSecurityException ex) {
            throw new ServerConfigException("cannot open TLS keystore " + shown + " (a PKCS#12 file) with the password given: " + ex.getMessage());
        }
    }

    /**
     * Replaces the server's plain connector with an HTTPS one on the same port and, with an
     * HTTP port, a plain one there. Both keep the plain connector's HTTP settings.
     *
     * @return the HTTPS connector
     */
    public ServerConnector install(Server jetty, int port) {
        Connector[] old = jetty.getConnectors();
        HttpConfiguration base = old[0].getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        for ( Connector connector : old )
            jetty.removeConnector(connector);

        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keystore.toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(password);
        ssl.setIncludeProtocols(PROTOCOLS);
        HttpConfiguration secure = new HttpConfiguration(base);
        secure.setSecureScheme("https");
        secure.addCustomizer(new SecureRequestCustomizer());
        ServerConnector https = new ServerConnector(jetty,
            new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(secure));
        https.setPort(port);
        jetty.addConnector(https);

        if ( httpPort != null ) {
            ServerConnector http = new ServerConnector(jetty, new HttpConnectionFactory(new HttpConfiguration(base)));
            http.setPort(httpPort);
            jetty.addConnector(http);
        }
        return https;
    }
}
