package org.diplomacykg.cli;

import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.FusekiException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.diplomacykg.replication.KafkaPublisher;
import org.diplomacykg.replication.ReplicaFollower;
import org.diplomacykg.replication.Replication;
import org.diplomacykg.replication.ReplicationException;
import org.diplomacykg.server.KgServer;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.ServerConfigException;
import org.diplomacykg.server.limits.Limits;
import org.diplomacykg.server.security.LoginLimits;
import org.diplomacykg.server.security.Logins;
import org.diplomacykg.server.security.Security;
import org.diplomacykg.server.security.Tls;
import org.diplomacykg.server.write.PasswordFile;
import org.diplomacykg.server.write.WriteAccess;
import org.diplomacykg.store.CommitGate;
import org.diplomacykg.store.CommitLog;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.Store;
import org.diplomacykg.store.StoreStack;
import org.diplomacykg.store.TdbStore;
import org.diplomacykg.store.WriteAuthor;
import org.diplomacykg.store.WriteGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: load and validate the data, then serve it over HTTP until stopped; from a
 * store in a temporary directory that goes with the process, or with {@code --tdb DIR} from a
 * TDB2 store that stays, filled from the files on the first start
 * and used as it is on later ones. Read-only unless {@code --passwd} names the users who may write.
 */
@Command(name = "serve",
         description = "Load the ontology and data, check them against the SHACL shapes, "
                     + "and serve SPARQL over HTTP. Refuses to start on invalid data. "
                     + "With --tdb DIR, keep the graph in a TDB2 store on disk: the first start fills it "
                     + "from --ontology and --data, later starts serve it as it is.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    private LayoutOptions options;

    @Mixin
    private StoreOptions storeOptions;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "3030",
            description = "HTTP port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Listen on this address only, e.g. 127.0.0.1 to serve this machine alone "
                        + "(default: all interfaces).")
    private String bind;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "Let pages of ORIGIN (e.g. https://app.example.org) send authenticated writes from a browser; "
                        + "repeat for more origins. Without it, cross-origin writes are refused (403); reads are open to any origin.")
    private List<String> corsOrigins = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Cancel a SPARQL query after this many seconds, answering 503 (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(names = "--max-body", paramLabel = "MB", defaultValue = "" + Limits.DEFAULT_MAX_BODY_MB,
            description = "Refuse (413) a request body larger than this many megabytes: a query, an update, "
                        + "Graph Store data or an article; compressed bodies count as decompressed (default: ${DEFAULT-VALUE}).")
    private long maxBodyMb;

    @Option(names = "--max-results", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_RESULTS,
            description = "Refuse (422) a query whose result has more than N rows (SELECT) or triples (CONSTRUCT, "
                        + "DESCRIBE); the client is told to add LIMIT (default: ${DEFAULT-VALUE}).")
    private long maxResults;

    @Option(names = "--update-timeout", paramLabel = "SECONDS", defaultValue = "" + Limits.DEFAULT_UPDATE_TIMEOUT_SECONDS,
            description = "Cancel a SPARQL update after this many seconds, answering 503 and keeping nothing of it "
                        + "(default: ${DEFAULT-VALUE}).")
    private long updateTimeoutSeconds;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Public base URL for links in pages and descriptions, when the server runs behind "
                        + "another host name (e.g. https://kg.example.org); default: the URL of each request.")
    private String baseUrl;

    @Option(names = "--passwd", paramLabel = "FILE",
            description = "Take writes (SPARQL Update at /kg/update, Graph Store Protocol at /kg/data, whole articles "
                        + "at /kg/articles/{slug}) from the users in FILE, one 'user: password' per line, by HTTP Basic; "
                        + "without it the server is read-only.")
    private Path passwordFile;

    @Option(names = "--read-passwd", paramLabel = "FILE",
            description = "Make reads private: every page and endpoint but /$/ping needs a login, by the users in FILE "
                        + "(who may only read) or in --passwd (who may read and write).")
    private Path readPasswordFile;

    @Option(names = "--tls-keystore", paramLabel = "FILE.p12",
            description = "Serve HTTPS (TLS 1.2 and 1.3) on --port with the key and certificate in this PKCS#12 keystore; "
                        + "plain HTTP is then off unless --http-port is given.")
    private Path tlsKeystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE",
            description = "The keystore's password, on the first line of FILE (which must not be readable by others).")
    private Path tlsPasswordFile;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "With --tls-keystore, also listen for plain HTTP on PORT, only to redirect to HTTPS; "
                        + "a request carrying credentials there is refused (403).")
    private Integer httpPort;

    @Option(names = "--login-free-failures", paramLabel = "N", defaultValue = "" + LoginLimits.DEFAULT_FREE_FAILURES,
            description = "Failed logins allowed from one client address, or for one user, before further logins must wait "
                        + "(429 with Retry-After) (default: ${DEFAULT-VALUE}).")
    private int loginFreeFailures;

    @Option(names = "--login-delay", paramLabel = "SECONDS", defaultValue = "" + LoginLimits.DEFAULT_FIRST_DELAY_SECONDS,
            description = "The first wait after the free failures; it doubles with each further failure (default: ${DEFAULT-VALUE}).")
    private long loginDelaySeconds;

    @Option(names = "--login-max-delay", paramLabel = "SECONDS", defaultValue = "" + LoginLimits.DEFAULT_MAX_DELAY_SECONDS,
            description = "The longest wait after failed logins (default: ${DEFAULT-VALUE}).")
    private long loginMaxDelaySeconds;

    @Option(names = "--trust-forwarded",
            description = "Take the client's address and scheme from the Forwarded and X-Forwarded-* headers of a TLS proxy "
                        + "in front of the server. Only behind such a proxy: anyone else could forge them.")
    private boolean trustForwarded;

    @Option(names = "--publish", paramLabel = "BOOTSTRAP",
            description = "Be the primary of a replicated service: publish every write, with its inferences, as one RDF Patch "
                        + "record to --topic on the Kafka cluster at BOOTSTRAP (host:port,...) before it commits "
                        + "(needs --tdb and --passwd; see docs/scale-out.md).")
    private String publish;

    @Option(names = "--replica-of", paramLabel = "BOOTSTRAP",
            description = "Be a read replica: apply the records of --topic on the Kafka cluster at BOOTSTRAP to the store "
                        + "in --tdb (made with load --from-export from an export of the primary's store), serve reads, "
                        + "refuse writes (405).")
    private String replicaOf;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "The Kafka topic of --publish or --replica-of (one partition).")
    private String topic;

    @Option(names = "--promote",
            description = "With --publish: take over as primary from another server (a replica promoted after the primary "
                        + "failed): apply the whole topic, fence the old primary, then take writes.")
    private boolean promote;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        // The audit trail records this command's writes as its, by the operating-system user.
        return WriteAuthor.as(WriteAuthor.command("serve"), this::run);
    }

    private Integer run() {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Limits limits;
        LoginLimits loginLimits;
        try {
            // Checked before loading so that a typo does not cost a full load.
            ServerConfig.checkPort(port);
            ServerConfig.checkQueryTimeout(timeout);
            ServerConfig.checkBaseUrl(baseUrl);
            corsOrigins.forEach(ServerConfig::checkOrigin);
            ServerConfig.checkBind(bind);
            limits = limits();
            loginLimits = new LoginLimits(loginFreeFailures, Duration.ofSeconds(loginDelaySeconds), Duration.ofSeconds(loginMaxDelaySeconds));
            if ( httpPort != null )
                ServerConfig.checkPort(httpPort);
            if ( tlsKeystore == null && (tlsPasswordFile != null || httpPort != null) )
                throw new ServerConfigException("--tls-password-file and --http-port go with --tls-keystore");
            checkReplication();
        } catch (ServerConfigException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
        Security security;
        try {
            // Also before loading; a bad password file or keystore is not a usage error, so one line, no usage text.
            PasswordFile writers = passwordFile == null ? null : PasswordFile.read(passwordFile);
            PasswordFile readers = readPasswordFile == null ? null : PasswordFile.read(readPasswordFile);
            Logins.checkDisjoint(writers, readers);
            for ( PasswordFile users : new PasswordFile[] { writers, readers } ) {
                if ( users != null )
                    warnIfWeak(users);
            }
            Tls tls = tlsKeystore == null ? null : Tls.read(tlsKeystore, tlsPasswordFile, httpPort);
            security = new Security(tls, readers, loginLimits, trustForwarded);
        } catch (ServerConfigException ex) {
            spec.commandLine().getErr().println("error: " + ex.getMessage());
            return ExitCodes.FAILED;
        }
        if ( (passwordFile != null || readPasswordFile != null) && tlsKeystore == null && !loopback(bind) )
            LOG.warn("Passwords travel in clear over plain HTTP: serve with --tls-keystore, or behind a TLS proxy, "
                     + "or bind to this machine only with --bind 127.0.0.1 (see README)");
        DataLayout layout = options.layout();
        // The gate's shapes are read before the store is opened or loaded, so a broken shapes file fails first.
        CommitGate gate = passwordFile == null ? CommitGate.NONE : WriteGate.forLayout(layout);

        // The store stays open while the server runs: TDB2 recovers a store from its journal
        // if the process is killed, so there is nothing to close on the way out.
        KafkaPublisher publisher = publish == null ? null : new KafkaPublisher(publish, topic);
        StoreStack stack = storeOptions.stack().gate(gate).commitLog(publisher == null ? CommitLog.NONE : publisher);
        // A replica's store is a copy of the primary's (load --from-export --replica), never filled from the files.
        TdbStore store = (replicaOf != null ? stack.existing() : stack.filledFrom(layout)).open();
        Dataset dataset = store.dataset();
        Replication replication;
        try {
            replication = publisher != null ? publisher.start(store, promote)
                        : replicaOf != null ? ReplicaFollower.start(store, replicaOf, topic).status()
                        : null;
        } catch (ReplicationException ex) {
            store.close();
            spec.commandLine().getErr().println("error: " + ex.getMessage());
            return ExitCodes.FAILED;
        }
        WriteAccess writes = passwordFile == null ? null : new WriteAccess(passwordFile);
        FusekiServer server = KgServer.build(new ServerConfig(port, timeout, dataset.asDatasetGraph(), baseUrl, writes, limits)
            .withBind(bind).withCorsOrigins(corsOrigins).withArticlesDir(layout.articlesDir()).withReplication(replication), security);
        try {
            server.start();
        } catch (FusekiException ex) {
            store.close();
            if ( !causedByBind(ex) )
                throw ex;
            spec.commandLine().getErr().println(bind == null
                ? "error: port " + port + (httpPort == null ? "" : " or " + httpPort) + " is already in use: "
                  + "stop the program using it or pass --port PORT"
                : "error: cannot listen on " + bind + " port " + port + ": the port is in use or the address is not "
                  + "one of this machine's (" + bindCause(ex) + ")");
            return ExitCodes.FAILED;
        }
        LOG.info("Serving {}/sparql (query timeout {} s, at most {} results; bodies up to {}; update timeout {}), {}",
                 server.datasetURL(KgServer.DATASET), timeoutSeconds, limits.maxResults(),
                 Limits.size(limits.maxBodyBytes()), Limits.seconds(limits.updateTimeout()),
                 GraphSummary.format(Store.graphSizes(dataset)));
        if ( writes != null )
            LOG.info("Taking writes at {}/update, {}/data and {}/{slug} from the users in {}",
                     server.datasetURL(KgServer.DATASET), server.datasetURL(KgServer.DATASET),
                     server.datasetURL(KgServer.ARTICLES), passwordFile);
        if ( security.tls() != null && httpPort != null )
            LOG.info("Plain HTTP on port {} only redirects to HTTPS", server.getHttpPort());
        if ( readPasswordFile != null )
            LOG.info("Reads need a login too: the users in {} may read{}", readPasswordFile,
                     passwordFile == null ? "" : ", those in " + passwordFile + " read and write");
        server.join();
        return 0;
    }

    /** The replication options go together: a role, its topic, a store that stays. */
    private void checkReplication() {
        if ( publish != null && replicaOf != null )
            throw new ServerConfigException("--publish (primary) and --replica-of (replica) exclude each other");
        if ( promote && publish == null )
            throw new ServerConfigException("--promote goes with --publish BOOTSTRAP: the promoted server publishes to the topic");
        if ( publish == null && replicaOf == null ) {
            if ( topic != null )
                throw new ServerConfigException("--topic goes with --publish or --replica-of");
            return;
        }
        if ( topic == null || topic.isBlank() )
            throw new ServerConfigException("--publish and --replica-of need --topic TOPIC");
        if ( storeOptions.dir() == null )
            throw new ServerConfigException("a replicated server keeps its store and its offset: pass --tdb DIR");
        if ( publish != null && passwordFile == null )
            throw new ServerConfigException("--publish makes this server the primary, which takes writes: pass --passwd FILE");
        if ( replicaOf != null && passwordFile != null )
            throw new ServerConfigException("a replica takes no writes (send them to the primary): leave out --passwd");
    }

    /** Names the users whose passwords are not bcrypt hashes, with the command that converts them. */
    private static void warnIfWeak(PasswordFile file) {
        if ( !file.weakUsers().isEmpty() )
            LOG.warn("Password file {} holds the password of {} in plain text (or a quick MD5 or CRYPT hash): store a "
                     + "bcrypt hash instead with: java -jar diplomacy-kg.jar passwd {} USER", file.file(),
                     String.join(", ", file.weakUsers()), file.file());
    }

    private static boolean loopback(String address) {
        try {
            return address != null && !address.isBlank() && InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException ex) {
            return false;
        }
    }

    private Limits limits() {
        if ( maxBodyMb < 1 || maxBodyMb >= 2048 )
            throw new ServerConfigException("--max-body must be between 1 and 2047 MB, not " + maxBodyMb);
        if ( maxResults < 1 || maxResults >= Integer.MAX_VALUE )
            throw new ServerConfigException("--max-results must be between 1 and " + (Integer.MAX_VALUE - 1) + ", not " + maxResults);
        if ( updateTimeoutSeconds < 1 )
            throw new ServerConfigException("--update-timeout must be at least 1 second, not " + updateTimeoutSeconds);
        return new Limits(maxBodyMb * Limits.MB, maxResults, Duration.ofSeconds(updateTimeoutSeconds));
    }

    private static String bindCause(Throwable ex) {
        for ( Throwable t = ex; t != null; t = t.getCause() ) {
            if ( t instanceof BindException )
                return t.getMessage();
        }
        return ex.getMessage();
    }

    private static boolean causedByBind(Throwable ex) {
        for ( Throwable t = ex; t != null; t = t.getCause() ) {
            if ( t instanceof BindException )
                return true;
        }
        return false;
    }
}
