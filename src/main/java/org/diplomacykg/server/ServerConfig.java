package org.diplomacykg.server;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.replication.Replication;
import org.diplomacykg.server.limits.Limits;
import org.diplomacykg.server.write.WriteAccess;
import org.diplomacykg.store.CommitGate;
import org.diplomacykg.store.InferringDatasetGraph;

/**
 * What {@link KgServer} needs to build a server.
 *
 * @param port         HTTP port; 0 picks a free one (tests)
 * @param queryTimeout how long a SPARQL query may run before it is cancelled
 * @param dataset      the dataset to serve; when it takes writes, an {@link InferringDatasetGraph}
 *                     with a gate, as {@link org.diplomacykg.store.StoreStack} builds it (so every
 *                     write carries its inferences and passes the gate)
 * @param baseUrl      the public base URL links point at (e.g. {@code https://kg.example.org}),
 *                     for deployments behind another host name; null to use the request's own
 * @param writes       who may write; null for a read-only server
 * @param limits       request body size, result size and update timeout ({@link Limits}); null for the defaults
 * @param bind         the address to listen on (e.g. {@code 127.0.0.1}); null for all interfaces
 * @param corsOrigins  origins (e.g. {@code https://app.example.org}) whose pages may send authenticated
 *                     writes; empty: none, so cross-origin writes are refused
 * @param articlesDir  where the article bundles the dataset was loaded from are, for the texts of
 *                     articles whose graph holds no {@code dkg:text}; null when there are none
 * @param replication  the server's part in replication (primary or replica, its offset and lag); null when
 *                     it is not replicated
 */
public record ServerConfig(int port, Duration queryTimeout, DatasetGraph dataset, String baseUrl, WriteAccess writes,
                           Limits limits, String bind, List<String> corsOrigins, Path articlesDir, Replication replication) {

    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);

    public ServerConfig {
        checkPort(port);
        checkQueryTimeout(queryTimeout);
        if ( dataset == null )
            throw new ServerConfigException("dataset must be given");
        baseUrl = checkBaseUrl(baseUrl);
        if ( writes != null && !(dataset instanceof InferringDatasetGraph inferring && inferring.gate() != CommitGate.NONE) )
            throw new ServerConfigException("a server that takes writes needs an inferring dataset with a gate "
                + "(StoreStack.gate), so that each write is checked and carries its inferences");
        if ( limits == null )
            limits = Limits.DEFAULTS;
        if ( bind != null && bind.isBlank() )
            bind = null;
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().map(ServerConfig::checkOrigin).toList();
        if ( replication != null && replication.role() == Replication.Role.REPLICA && writes != null )
            throw new ServerConfigException("a read replica takes no writes: its store follows the primary's topic");
    }

    /** A configuration listening on all interfaces, allowing no cross-origin writes, with no article files. */
    public ServerConfig(int port, Duration queryTimeout, DatasetGraph dataset, String baseUrl, WriteAccess writes, Limits limits) {
        this(port, queryTimeout, dataset, baseUrl, writes, limits, null, null, null, null);
    }

    /** A configuration with the default {@link Limits}. */
    public ServerConfig(int port, Duration queryTimeout, DatasetGraph dataset, String baseUrl, WriteAccess writes) {
        this(port, queryTimeout, dataset, baseUrl, writes, null);
    }

    /** A read-only configuration. */
    public ServerConfig(int port, Duration queryTimeout, DatasetGraph dataset, String baseUrl) {
        this(port, queryTimeout, dataset, baseUrl, null, null);
    }

    /** A read-only configuration that takes the base URL of links from each request. */
    public ServerConfig(int port, Duration queryTimeout, DatasetGraph dataset) {
        this(port, queryTimeout, dataset, null, null, null);
    }

    /** This configuration listening on {@code address} only (null: all interfaces). */
    public ServerConfig withBind(String address) {
        return new ServerConfig(port, queryTimeout, dataset, baseUrl, writes, limits, address, corsOrigins, articlesDir, replication);
    }

    /** This configuration taking authenticated writes from pages of {@code origins} too. */
    public ServerConfig withCorsOrigins(List<String> origins) {
        return new ServerConfig(port, queryTimeout, dataset, baseUrl, writes, limits, bind, origins, articlesDir, replication);
    }

    /** This configuration reading article texts missing from the dataset from the bundles in {@code dir}. */
    public ServerConfig withArticlesDir(Path dir) {
        return new ServerConfig(port, queryTimeout, dataset, baseUrl, writes, limits, bind, corsOrigins, dir, replication);
    }

    /** This configuration playing {@code replication}'s part: a primary publishing its writes, or a read replica. */
    public ServerConfig withReplication(Replication replication) {
        return new ServerConfig(port, queryTimeout, dataset, baseUrl, writes, limits, bind, corsOrigins, articlesDir, replication);
    }

    /**
     * Lets a caller reject a bad origin before the load; returns it as browsers send it in
     * {@code Origin}: scheme, host and port only, lower case, without a trailing slash.
     */
    public static String checkOrigin(String origin) {
        URI uri;
        try {
            uri = new URI(origin == null ? "" : origin.strip());
        } catch (URISyntaxException ex) {
            throw new ServerConfigException("CORS origin is not a URL: " + origin);
        }
        String path = uri.getRawPath();
        if ( !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null
             || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
             || !(path == null || path.isEmpty() || path.equals("/")) )
            throw new ServerConfigException("a CORS origin is a scheme, host and optional port such as "
                + "https://app.example.org or http://localhost:8080, not " + origin);
        String normal = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() < 0 ? normal : normal + ":" + uri.getPort();
    }

    /** Whether the server takes writes (SPARQL Update, Graph Store writes, articles). */
    public boolean writable() {
        return writes != null;
    }

    /**
     * Lets a caller reject a bad base URL before the load; returns it without a trailing
     * slash, or null when none is given.
     */
    public static String checkBaseUrl(String baseUrl) {
        if ( baseUrl == null || baseUrl.isBlank() )
            return null;
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException ex) {
            throw new ServerConfigException("base URL is not a URL: " + baseUrl);
        }
        if ( !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
             || uri.getQuery() != null || uri.getFragment() != null )
            throw new ServerConfigException("base URL must be an http or https URL such as https://kg.example.org, not " + baseUrl);
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Lets a caller reject an address that names no host before the load; null and blank mean all interfaces. */
    public static void checkBind(String address) {
        if ( address == null || address.isBlank() )
            return;
        try {
            InetAddress.getByName(address.strip());
        } catch (UnknownHostException ex) {
            throw new ServerConfigException("--bind needs an address of this machine such as 127.0.0.1 or ::1, not " + address);
        }
    }

    /** Lets a caller reject a bad port before the (possibly long) load. */
    public static void checkPort(int port) {
        if ( port < 0 || port > 65535 )
            throw new ServerConfigException("port must be between 0 and 65535, not " + port);
    }

    /** Lets a caller reject a bad timeout before the (possibly long) load. */
    public static void checkQueryTimeout(Duration queryTimeout) {
        if ( queryTimeout == null || queryTimeout.isNegative() || queryTimeout.isZero() )
            throw new ServerConfigException("query timeout must be positive, not " + queryTimeout);
    }
}
