package org.diplomacykg.cli;

import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.apache.jena.fuseki.FusekiException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.diplomacykg.Main;
import org.diplomacykg.server.KgServer;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.ServerConfigException;
import org.diplomacykg.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code serve}: load and validate the data, then serve it read-only over HTTP until stopped. */
@Command(name = "serve",
         description = "Load the ontology and data, check them against the SHACL shapes, "
                     + "and serve SPARQL over HTTP. Refuses to start on invalid data.")
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

        Dataset dataset = Store.loadInMemory(options.layout());
        FusekiServer server = KgServer.build(new ServerConfig(port, timeout, dataset.asDatasetGraph(), baseUrl));
        try {
            server.start();
        } catch (FusekiException ex) {
            if ( !causedByBind(ex) )
                throw ex;
            spec.commandLine().getErr().println("error: port " + port
                + " is already in use: stop the program using it or pass --port PORT");
            return Main.EXIT_FAILED;
        }
        LOG.info("Serving {}/sparql (query timeout {} s), {}",
                 server.datasetURL(KgServer.DATASET), timeoutSeconds,
                 GraphSummary.format(Store.graphSizes(dataset)));
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
