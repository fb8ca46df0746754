package org.diplomacykg.server;

import java.util.List;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.diplomacykg.server.describe.ServiceDescriptionFilter;
import org.diplomacykg.server.describe.VoidServlet;
import org.diplomacykg.server.http.ClientErrors;
import org.diplomacykg.server.http.WriteCors;
import org.diplomacykg.server.limits.BodyLimitFilter;
import org.diplomacykg.server.limits.LimitedQuery;
import org.diplomacykg.server.limits.LimitedUpdate;
import org.diplomacykg.server.limits.Limits;
import org.diplomacykg.server.linkeddata.ExplainServlet;
import org.diplomacykg.server.linkeddata.ResourceServlet;
import org.diplomacykg.server.ontology.OntologyServlet;
import org.diplomacykg.server.pages.ArticlePageServlet;
import org.diplomacykg.server.pages.HomeServlet;
import org.diplomacykg.server.pages.StaticServlet;
import org.diplomacykg.server.pages.TimelineServlet;
import org.diplomacykg.replication.Replication;
import org.diplomacykg.server.replication.OffsetHeaderFilter;
import org.diplomacykg.server.replication.ReadAfterFilter;
import org.diplomacykg.server.replication.ReplicaWritesServlet;
import org.diplomacykg.server.replication.ReplicationMetricsServlet;
import org.diplomacykg.server.replication.ReplicationStatusServlet;
import org.diplomacykg.server.security.HttpsOnly;
import org.diplomacykg.server.security.LoginLimiter;
import org.diplomacykg.server.security.Logins;
import org.diplomacykg.server.security.Security;
import org.diplomacykg.server.security.WritersOnly;
import org.diplomacykg.server.write.ArticleServlet;
import org.diplomacykg.server.write.PasswordFile;
import org.diplomacykg.server.write.WriteEndpoints;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Builds the embedded Fuseki server. Without {@link ServerConfig#writes()} it is read-only by
 * construction: only query and GSP-read endpoints exist, so {@code /kg/update} and
 * {@code /kg/data} are not found rather than merely refused ({@code FusekiServer.Builder.add(name, ds)}
 * would have enabled update, and even {@code add(name, ds, false)} adds a {@code /kg/data}).
 * With it, those two and {@code /kg/articles/{slug}} exist behind an HTTP Basic login, and
 * every write passes the gate the dataset was built with before it commits.
 * <p>
 * Every request is bounded by the configuration's {@link Limits}: its body size (413), a
 * query's time (503) and result size (422), an update's time (503).
 * <p>
 * A replicated server (see {@code docs/scale-out.md}) also has {@code /$/status} and
 * {@code /$/metrics}, waits for {@code DKG-After} before answering; a primary's writes answer
 * with {@code DKG-Offset}, a replica's write endpoints with 405.
 */
public final class KgServer {

    /** The name of the one dataset, as it appears in URLs. */
    public static final String DATASET = "/kg";

    /** Every derivation of one inferred triple, worked out on request: {@code /kg/explain?s=&p=&o=}. */
    public static final String EXPLAIN = DATASET + "/explain";

    /** Where whole articles are sent when the server takes writes: {@code /kg/articles/{slug}}. */
    public static final String ARTICLES = DATASET + "/articles";

    /** Builds, but does not start, a server for the configuration. */
    public static FusekiServer build(ServerConfig config) {
        return build(config, Security.DEFAULTS);
    }

    /**
     * As {@link #build(ServerConfig)}, protected as {@code security} says: HTTPS, a login for
     * reads too, how fast passwords may be guessed, whether forwarded headers are believed.
     */
    public static FusekiServer build(ServerConfig config, Security security) {
        // Who may log in, read from the files now so that a bad file fails the build, not the start.
        PasswordFile writers = config.writable() ? PasswordFile.read(config.writes().passwordFile()) : null;
        Logins logins = writers == null && security.readers() == null ? null : new Logins(writers, security.readers());

        // Only the query endpoints get the timeout: GSP reads of one graph are bounded anyway.
        Context queryContext = new Context();
        queryContext.set(ARQ.queryTimeout, Long.toString(config.queryTimeout().toMillis()));
        // The server must not fetch what a client names: SERVICE to any address is refused.
        queryContext.set(ARQ.httpServiceAllowed, false);

        Limits limits = config.limits();
        DataService.Builder service = DataService.newBuilder(config.dataset())
            .addEndpoint(queryEndpoint("sparql", queryContext, config))
            .addEndpoint(queryEndpoint("query", queryContext, config))
            .addEndpoint(queryEndpoint(null, queryContext, config))
            .addEndpoint(Endpoint.create()
                .operation(Operation.GSP_R)
                .endpointName("get")
                .processor(new UnionDefaultGraphStore())
                .build());
        if ( config.writable() ) {
            // Past the login, only writers: a reader of --read-passwd gets 403.
            AuthPolicy mayWrite = Auth.policyAllowSpecific(logins.writers());
            service.addEndpoint(WriteEndpoints.update(new LimitedUpdate(limits.updateTimeout()), mayWrite))
                   .addEndpoint(WriteEndpoints.graphStore(mayWrite));
        }

        FusekiServer.Builder builder = FusekiServer.create()
            // With TLS the connectors are replaced below; this port is then only what Fuseki reports as HTTP.
            .port(security.tls() != null && security.tls().httpPort() != null ? security.tls().httpPort() : config.port())
            .add(DATASET, service)
            .enablePing(true)
            .enableCors(true)
            // Per-request logging stays off the hot path (see simplelogger.properties).
            .verbose(false)
            // First of the filters: every request body, whichever servlet reads it, is counted.
            .addFilter("/*", new BodyLimitFilter(limits.maxBodyBytes()))
            // Linked data and pages, beside the SPARQL dataset.
            .addFilter(DATASET + "/sparql", new ServiceDescriptionFilter(config))
            .addFilter(DATASET + "/query", new ServiceDescriptionFilter(config))
            .addFilter(DATASET, new ServiceDescriptionFilter(config))
            .addServlet("/id/*", new ResourceServlet(config))
            .addServlet(EXPLAIN, new ExplainServlet(config))
            .addServlet("/ontology", new OntologyServlet(config))
            .addServlet("/.well-known/void", new VoidServlet(config))
            .addServlet("/timeline/*", new TimelineServlet(config))
            .addServlet("/article/*", new ArticlePageServlet(config))
            .addServlet("/static/*", new StaticServlet(config))
            .addServlet("", new HomeServlet(config));
        if ( logins != null )
            builder.securityHandler(logins.securityHandler(new LoginLimiter(security.loginLimits()),
                                                           config.writable() ? List.of(ARTICLES + "/*") : List.of()));
        Replication replication = config.replication();
        if ( replication != null ) {
            builder.addServlet("/$/status", new ReplicationStatusServlet(replication))
                   .addServlet("/$/metrics", new ReplicationMetricsServlet(replication))
                   .addFilter("/*", new ReadAfterFilter(replication));
            if ( replication.role() == Replication.Role.REPLICA ) {
                ReplicaWritesServlet refuse = new ReplicaWritesServlet(replication);
                builder.addServlet(DATASET + "/update", refuse)
                       .addServlet(DATASET + "/data", refuse)
                       .addServlet(ARTICLES + "/*", refuse);
            } else if ( config.writable() ) {
                for ( String path : List.of(DATASET + "/update", DATASET + "/data", ARTICLES + "/*") )
                    builder.addFilter(path, new OffsetHeaderFilter());
            }
        }
        if ( config.writable() ) {
            builder.addServlet(ARTICLES + "/*", new ArticleServlet(config.dataset()));
            if ( logins.privateReads() )
                builder.addFilter(ARTICLES + "/*", new WritersOnly(logins.writers()));
        }
        FusekiServer server = builder.build();
        ServerConnector https = security.tls() == null ? null : security.tls().install(server.getJettyServer(), config.port());
        useResponseBuffersJettyPools(server);
        for ( Connector connector : server.getJettyServer().getConnectors() ) {
            if ( config.bind() != null )
                ((ServerConnector) connector).setHost(config.bind());
            if ( security.trustForwarded() )
                connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration()
                         .addCustomizer(new ForwardedRequestCustomizer());
        }
        if ( config.writable() ) {
            // Ahead of the login, which would answer a credential-less preflight with 401.
            var jetty = server.getJettyServer();
            jetty.setHandler(new WriteCors(jetty.getHandler(),
                List.of(DATASET + "/update", DATASET + "/data", ARTICLES), config.corsOrigins(), config.baseUrl()));
        }
        if ( https != null ) {
            // Outermost: credentials sent over plain HTTP reach nothing else.
            var jetty = server.getJettyServer();
            jetty.setHandler(new HttpsOnly(jetty.getHandler(), https, config.baseUrl()));
        }
        return server;
    }

    /** Jetty keeps buffers up to this size in its pool and reuses them; larger ones are allocated per use. */
    static final int RESPONSE_BUFFER_BYTES = 64 * 1024;

    /**
     * Fuseki sets Jetty's response buffer to 5 MB, more than Jetty pools, so every response
     * allocated 5 MB of new direct memory and zeroed it: measured, about 3 of the 5.5 ms of a
     * query at 100k triples, and 16 of 18 ms at 1M, the same on a plain Fuseki (the cost grows
     * with the process, not with the result). Fuseki wants the big buffer so that a result that
     * fails while it is streamed can still get an error status; here a query's result is
     * computed before it is written ({@link LimitedQuery}), and pages and descriptions are
     * built before they are sent, so a response that outgrows the buffer is simply sent in
     * chunks.
     */
    private static void useResponseBuffersJettyPools(FusekiServer server) {
        for ( Connector connector : server.getJettyServer().getConnectors() ) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if ( http != null )
                http.getHttpConfiguration().setOutputBufferSize(RESPONSE_BUFFER_BYTES);
        }
    }

    /**
     * A SPARQL query endpoint; a null name means the dataset URL itself. Its processor computes
     * the whole result before answering, so a timeout is a 503 and a result over the limit a 422.
     */
    private static Endpoint queryEndpoint(String name, Context context, ServerConfig config) {
        Endpoint.Builder endpoint = Endpoint.create()
            .operation(Operation.Query)
            .processor(new ClientErrors(new LimitedQuery(config.limits().maxResults(), config.queryTimeout())))
            .context(context);
        if ( name != null )
            endpoint.endpointName(name);
        return endpoint.build();
    }

    private KgServer() {}
}
