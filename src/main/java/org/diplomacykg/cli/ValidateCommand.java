package org.diplomacykg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.diplomacykg.store.ArticleBundle;
import org.diplomacykg.store.ArticleTexts;
import org.diplomacykg.store.BundleCheck;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.DatasetLoader;
import org.diplomacykg.store.FactsSource;
import org.diplomacykg.store.Finding;
import org.diplomacykg.store.FindingsReport;
import org.diplomacykg.store.LoadException;
import org.diplomacykg.store.ShaclGate;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.Graphs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate}: the {@link BundleCheck} without serving. Without arguments it loads
 * everything as {@code serve} does; with bundle directories it checks those against the
 * ontology and the reference data, as {@code load} would. Exit code 1 on any finding.
 */
@Command(name = "validate",
         description = "Check the ontology and data as serve loads them (syntax, IRIs and literals, slug and article, "
                     + "evidence spans in the text, SHACL shapes), or, given article bundles, check those against the "
                     + "ontology and reference data as load would. Exit code 0 if there is nothing to fix, 1 if there is.")
public final class ValidateCommand implements Callable<Integer> {

    @Mixin
    private LayoutOptions options;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: {\"conforms\": ..., \"findings\": [{check, file, line, column, focus, label, message, fix}]}")
    private String format;

    @Parameters(paramLabel = "BUNDLE", arity = "0..*",
                description = "Article bundles (directories with facts.ttl and text.<lang>.txt, named by their slug) to check "
                            + "on their own, against --ontology and the reference data of --data.")
    private List<Path> bundles = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if ( !format.equals("text") && !format.equals("json") )
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format is text or json, not '" + format + "'");
        PrintWriter out = spec.commandLine().getOut();
        List<Finding> findings;
        String summary = null;
        try {
            if ( bundles.isEmpty() ) {
                Dataset dataset = Store.loadTemporary(options.layout());
                summary = GraphSummary.format(Store.graphSizes(dataset));
                findings = List.of();
            } else {
                findings = checkBundles(options.layout());
            }
        } catch (LoadException ex) {
            if ( ex.findings().isEmpty() )
                throw ex;
            findings = ex.findings();
        }
        if ( format.equals("json") ) {
            JsonObject json = FindingsReport.json(findings);
            out.println(json);
        } else if ( findings.isEmpty() ) {
            out.println("conforms" + (summary == null ? ": " + bundles.size() + (bundles.size() == 1 ? " bundle" : " bundles") : ": " + summary));
        } else {
            out.println((findings.size() == 1 ? "1 problem" : findings.size() + " problems") + " to fix:");
            out.println(BundleCheck.text(findings));
        }
        out.flush();
        return findings.isEmpty() ? 0 : ExitCodes.FAILED;
    }

    /** The bundles in a dataset of their own with the ontology and reference data, checked as load checks them. */
    private List<Finding> checkBundles(DataLayout layout) {
        layout.check();
        BundleCheck check = new BundleCheck(ShaclGate.fromFile(layout.shapesFile()), new ArticleTexts(null));
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        return Txn.calculateWrite(dsg, () -> {
            DatasetLoader.loadFile(layout.ontologyFile(), dsg, Graphs.Nodes.ONTOLOGY);
            if ( Files.isRegularFile(layout.referenceFile()) )
                DatasetLoader.loadFile(layout.referenceFile(), dsg, Graphs.Nodes.REFERENCE);
            List<Finding> syntax = new ArrayList<>();
            List<Node> graphs = new ArrayList<>();
            List<FactsSource> sources = new ArrayList<>();
            for ( Path dir : bundles ) {
                ArticleBundle bundle = ArticleBundle.of(dir);
                sources.add(BundleCheck.source(bundle));
                try {
                    graphs.add(BundleCheck.put(bundle, dsg));
                } catch (LoadException ex) {
                    if ( ex.findings().isEmpty() )
                        throw ex;
                    syntax.addAll(ex.findings());
                }
            }
            if ( !syntax.isEmpty() )
                return syntax;
            return check.check(dsg, graphs, Optional.empty(), sources).findings();
        });
    }
}
