package org.diplomacykg.server;

import java.time.Duration;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What {@link KgServer} needs to build a server.
 *
 * @param port         HTTP port; 0 picks a free one (tests)
 * @param queryTimeout how long a SPARQL query may run before it is cancelled
 * @param dataset      the dataset to serve, read-only
 */
public record ServerConfig(int port, Duration queryTimeout, DatasetGraph dataset) {

    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);

    public ServerConfig {
        checkPort(port);
        checkQueryTimeout(queryTimeout);
        if ( dataset == null )
            throw new ServerConfigException("dataset must be given");
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
