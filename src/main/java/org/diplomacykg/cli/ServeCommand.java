package org.diplomacykg.cli;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.FusekiException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.diplomacykg.Main;
import org.diplomacykg.server.KgServer;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.ServerConfigException;
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
 * {@code serve}: load and validate the data, then serve it over HTTP until stopped; in memory,
 * or with {@code --tdb DIR} from a TDB2 store on disk, filled from the files on the first start
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

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Cancel a SPARQL query after this many seconds (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

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
        try {
            // Checked before loading so that a typo does not cost a full load.
            ServerConfig.checkPort(port);
            ServerConfig.checkQueryTimeout(timeout);
            ServerConfig.checkBaseUrl(baseUrl);
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
        Dataset dataset = store == null ? Store.loadInMemory(layout) : store.dataset();
        WriteAccess writes = gate == null ? null : new WriteAccess(passwordFile, gate);
        FusekiServer server = KgServer.build(new ServerConfig(port, timeout, dataset.asDatasetGraph(), baseUrl, writes));
        try {
            server.start();
        } catch (FusekiException ex) {
            if ( store != null )
                store.close();
            if ( !causedByBind(ex) )
                throw ex;
            spec.commandLine().getErr().println("error: port " + port
                + " is already in use: stop the program using it or pass --port PORT");
            return Main.EXIT_FAILED;
        }
        LOG.info("Serving {}/sparql (query timeout {} s), {}",
                 server.datasetURL(KgServer.DATASET), timeoutSeconds,
                 GraphSummary.format(Store.graphSizes(dataset)));
        if ( writes != null )
            LOG.info("Taking writes at {}/update, {}/data and {}/{slug} from the users in {}",
                     server.datasetURL(KgServer.DATASET), server.datasetURL(KgServer.DATASET),
                     server.datasetURL(KgServer.ARTICLES), passwordFile);
        server.join();
        return 0;
    }

    private static boolean causedByBind(Throwable ex) {
        for ( Throwable t = ex; t != null; t = t.getCause() ) {
            if ( t instanceof BindException )
                return true;
        }
        return false;
    }
}
