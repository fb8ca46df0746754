package org.diplomacykg.cli;

import java.nio.file.Path;

import org.diplomacykg.store.DataLayout;

import picocli.CommandLine.Option;

/** The options that say where the ontology and data are, shared by the commands that load them. */
public final class LayoutOptions {

    @Option(names = "--ontology", paramLabel = "DIR", defaultValue = "ontology",
            description = "Directory with diplomacy.ttl and shapes.ttl (default: ${DEFAULT-VALUE}).")
    private Path ontologyDir;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Directory with reference.ttl and articles/<slug>/facts.ttl (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    public DataLayout layout() {
        return new DataLayout(ontologyDir, dataDir);
    }
}
