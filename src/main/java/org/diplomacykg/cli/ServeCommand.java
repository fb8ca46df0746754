package org.diplomacykg.cli;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.FusekiException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.diplomacykg.Main;
import org.diplomacykg.server.KgServer;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.ServerConfigException;
import org.diplomacykg.server.limits.Limits;
import org.diplomacykg.server.write.PasswordFile;
import org.diplomacykg.server.write.WriteAccess;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.Store;
import org.diplomacykg.store.TdbStore;
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

    @Option(names = "--tdb", paramLabel = "DIR",
            description = "Keep the graph in a TDB2 store in DIR (created if new). A new store is filled from "
                        + "--ontology and --data; an existing one is served as it is, without reading the files.")
    private Path tdb;

    @Option(names = "--passwd", paramLabel = "FILE",
            description = "Take writes (SPARQL Update at /kg/update, Graph Store Protocol at /kg/data, whole articles "
                        + "at /kg/articles/{slug}) from the users in FILE, one 'user: password' per line, by HTTP Basic; "
                        + "without it the server is read-only.")
    private Path passwordFile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Limits limits;
        try {
            // Checked before loading so that a typo does not cost a full load.
            ServerConfig.checkPort(port);
            ServerConfig.checkQueryTimeout(timeout);
            ServerConfig.checkBaseUrl(baseUrl);
            corsOrigins.forEach(ServerConfig::checkOrigin);
            ServerConfig.checkBind(bind);
            limits = limits();
        } catch (ServerConfigException ex) {
            throw new ParameterException(spec.commandLine(), ex.getMessage());
        }
        if ( passwordFile != null ) {
            // Also before loading; a bad password file is not a usage error, so one line, no usage text.
            try {
                PasswordFile.check(passwordFile);
            } catch (ServerConfigException ex) {
                spec.commandLine().getErr().println("error: " + ex.getMessage());
                return Main.EXIT_FAILED;
            }
        }
        DataLayout layout = options.layout();
        // The gate's shapes are read before the store is opened or loaded, so a broken shapes file fails first.
        WriteGate gate = passwordFile == null ? null : WriteGate.forLayout(layout);

        // The store stays open while the server runs: TDB2 recovers a store from its journal
        // if the process is killed, so there is nothing to close on the way out.
        TdbStore store = tdb == null ? null : Store.openTdb(tdb, layout);
        Dataset dataset = store == null ? Store.loadTemporary(layout) : store.dataset();
        WriteAccess writes = gate == null ? null : new WriteAccess(passwordFile, gate);
        FusekiServer server = KgServer.build(new ServerConfig(port, timeout, dataset.asDatasetGraph(), baseUrl, writes, limits)
            .withBind(bind).withCorsOrigins(corsOrigins).withArticlesDir(layout.articlesDir()));
        try {
            server.start();
        } catch (FusekiException ex) {
            if ( store != null )
                store.close();
            if ( !causedByBind(ex) )
                throw ex;
            spec.commandLine().getErr().println(bind == null
                ? "error: port " + port + " is already in use: stop the program using it or pass --port PORT"
                : "error: cannot listen on " + bind + " port " + port + ": the port is in use or the address is not "
                  + "one of this machine's (" + bindCause(ex) + ")");
            return Main.EXIT_FAILED;
        }
        LOG.info("Serving {}/sparql (query timeout {} s, at most {} results; bodies up to {}; update timeout {}), {}",
                 server.datasetURL(KgServer.DATASET), timeoutSeconds, limits.maxResults(),
                 Limits.size(limits.maxBodyBytes()), Limits.seconds(limits.updateTimeout()),
                 GraphSummary.format(Store.graphSizes(dataset)));
        if ( writes != null )
            LOG.info("Taking writes at {}/update, {}/data and {}/{slug} from the users in {}",
                     server.datasetURL(KgServer.DATASET), server.datasetURL(KgServer.DATASET),
                     server.datasetURL(KgServer.ARTICLES), passwordFile);
        server.join();
        return 0;
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
