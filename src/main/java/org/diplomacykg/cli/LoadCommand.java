package org.diplomacykg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.diplomacykg.store.ArticleBundle;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.LoadException;
import org.diplomacykg.store.ShaclGate;
import org.diplomacykg.store.Store;
import org.diplomacykg.store.StoreCopy;
import org.diplomacykg.store.StoreLoader;
import org.diplomacykg.store.TdbStore;
import org.diplomacykg.store.WriteAuthor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code load}: add article bundles to a TDB2 store while no server runs on it, each in its own
 * transaction, checked and materialised. A new store is first filled from {@code --ontology}
 * and {@code --data} (or {@code --from-export FILE}), so that {@code load --tdb DIR} alone
 * initialises one. A file argument is a quads file of article graphs with their texts, such as
 * {@code generate} writes ({@link StoreLoader#loadQuads}). A refused bundle changes nothing, is reported, and makes the exit code 1;
 * the other bundles are still loaded, so one run reports every problem.
 */
@Command(name = "load",
         description = "Add article bundles (directories with facts.ttl and text.<lang>.txt, named by their slug) "
                     + "to the TDB2 store in DIR, each checked (syntax, evidence spans in the text, SHACL) and "
                     + "materialised in its own transaction. A new store is first filled from --ontology and --data, "
                     + "or from --from-export FILE. Exit code 1 if any bundle is refused.",
         modelTransformer = StoreOptions.Required.class)
public final class LoadCommand implements Callable<Integer> {

    @Mixin
    private StoreOptions storeOptions;

    @Mixin
    private LayoutOptions options;

    @Option(names = "--reload-ontology",
            description = "Replace the store's ontology graph with --ontology's diplomacy.ttl (every inference is recomputed).")
    private boolean reloadOntology;

    @Option(names = "--from-export", paramLabel = "FILE",
            description = "Fill a new store from an export (TriG, or N-Quads for .nq) instead of --data: "
                        + "its asserted graphs are loaded and the inferences derived again.")
    private Path fromExport;

    @Option(names = "--replica",
            description = "With --from-export: make the store an exact copy of the exported one (every graph as it is, "
                        + "nothing derived again, no record of the copy), for a read replica that then follows the "
                        + "primary's topic from the offset the export holds. Needs an N-Quads export (export --format nquads).")
    private boolean replica;

    @Parameters(paramLabel = "ARTICLE_DIR|FILE", arity = "0..*",
                description = "Article bundles to add; one already in the store (same slug) is replaced. "
                            + "A file (.nq or .trig, optionally .gz) holds article graphs with their texts (dkg:text) "
                            + "and reference facts, as generate writes; it is loaded in one transaction.")
    private List<Path> bundles = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        // The audit trail records this command's writes as its, by the operating-system user.
        return WriteAuthor.as(WriteAuthor.command("load"), this::run);
    }

    private Integer run() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataLayout layout = options.layout();
        // The shapes judge every load; check they exist before the store is touched.
        if ( !Files.isRegularFile(layout.shapesFile()) )
            throw new LoadException("The SHACL shapes file " + layout.shapesFile().toAbsolutePath().normalize()
                + " does not exist: pass --ontology DIR, the directory with shapes.ttl");
        ShaclGate gate = ShaclGate.fromFile(layout.shapesFile());
        if ( replica && fromExport == null )
            throw new LoadException("--replica goes with --from-export FILE: a replica's store is a copy of an export");
        // No gate on the store: the loader runs the same checks itself, bundle by bundle.
        Path tdb = storeOptions.dir();
        try ( TdbStore store = storeOptions.stack().open() ) {
            StoreLoader loader = new StoreLoader(store.datasetGraph(), gate);
            boolean wasNew = !store.isInitialised();
            if ( fromExport != null ) {
                if ( !wasNew )
                    throw new LoadException("--from-export fills a new store, and " + tdb + " already holds one: pass a new --tdb DIR");
                if ( replica )
                    out.println("copied " + StoreCopy.restore(store, fromExport) + " quads from " + fromExport);
                else
                    report(out, "restored", loader.restore(fromExport));
            } else if ( wasNew ) {
                store.initialise(layout);
                out.println("initialised " + tdb + " from " + layout.ontologyDir() + " and " + layout.dataDir());
            }
            if ( reloadOntology && !wasNew )
                report(out, "reloaded", loader.reloadOntology(layout.ontologyFile()));

            int refused = 0;
            for ( Path dir : bundles ) {
                try {
                    // A file is a quads file of articles (as generate writes); a directory, a bundle.
                    report(out, "loaded", Files.isRegularFile(dir) ? loader.loadQuads(dir) : loader.loadBundle(ArticleBundle.of(dir)));
                } catch (LoadException ex) {
                    refused++;
                    err.println("error: " + dir + ": " + ex.getMessage());
                    err.flush();
                }
            }
            out.println(GraphSummary.format(Store.graphSizes(store.dataset())));
            out.flush();
            if ( refused > 0 ) {
                err.println(refused + " of " + bundles.size() + (bundles.size() == 1 ? " bundle" : " bundles")
                            + " refused; the store holds the others");
                err.flush();
                return ExitCodes.FAILED;
            }
            return 0;
        }
    }

    private static void report(PrintWriter out, String verb, StoreLoader.Outcome outcome) {
        out.println(verb + " " + outcome.triples() + " triples into " + outcome.graph()
                    + (outcome.replaced() ? " (replacing it)" : "") + " in " + outcome.elapsed().toMillis() + " ms");
        out.flush();
    }
}
