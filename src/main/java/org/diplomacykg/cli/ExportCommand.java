package org.diplomacykg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.diplomacykg.store.LoadException;
import org.diplomacykg.store.StoreExport;
import org.diplomacykg.store.TdbStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: write a TDB2 store (every named graph, derived ones included) or one graph as
 * TriG or N-Quads, streaming, to stdout or a file. {@code load --from-export FILE} rebuilds a
 * store from it.
 */
@Command(name = "export",
         description = "Write the TDB2 store in DIR (all named graphs, inferred and explanations included) "
                     + "or one graph as TriG or N-Quads, to stdout or --output FILE. "
                     + "Rebuild a store from it with load --tdb NEWDIR --from-export FILE.",
         modelTransformer = StoreOptions.Required.class)
public final class ExportCommand implements Callable<Integer> {

    /** The --format values; lower-case, as typed on the command line. */
    enum Syntax {
        trig(StoreExport.Format.TRIG), nquads(StoreExport.Format.NQUADS);

        final StoreExport.Format format;

        Syntax(StoreExport.Format format) {
            this.format = format;
        }
    }

    @Mixin
    private StoreOptions storeOptions;

    @Option(names = "--graph", paramLabel = "IRI", description = "Only this named graph.")
    private String graph;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "trig",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Syntax syntax;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of stdout.")
    private Path output;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Node graphName = graph == null ? null : NodeFactory.createURI(graph);
        try ( TdbStore store = storeOptions.stack().existing().open() ) {
            if ( output == null ) {
                // System.out is the process's byte stream; it stays open for whoever writes next.
                OutputStream out = new BufferedOutputStream(System.out);
                StoreExport.write(store.datasetGraph(), graphName, syntax.format, out);
                out.flush();
            } else {
                writeFile(store, graphName);
            }
            return 0;
        } catch (IOException | UncheckedIOException ex) {
            throw new LoadException("Cannot write " + (output == null ? "to stdout" : output) + ": " + ex.getMessage(), ex);
        }
    }

    /** Writes beside the file and moves it into place, so a failed export leaves no half file. */
    private void writeFile(TdbStore store, Node graphName) throws IOException {
        Path target = output.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try ( OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial)) ) {
            StoreExport.write(store.datasetGraph(), graphName, syntax.format, out);
        } catch (RuntimeException | IOException ex) {
            Files.deleteIfExists(partial);
            throw ex;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
