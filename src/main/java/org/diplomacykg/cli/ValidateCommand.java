package org.diplomacykg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.apache.jena.query.Dataset;
import org.diplomacykg.Main;
import org.diplomacykg.store.ShaclViolationException;
import org.diplomacykg.store.Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code validate}: load everything as {@code serve} would, run the SHACL gate, report. */
@Command(name = "validate",
         description = "Load the ontology and data and check them against the SHACL shapes. "
                     + "Exit code 0 if they conform, 1 if not.")
public final class ValidateCommand implements Callable<Integer> {

    @Mixin
    private LayoutOptions options;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Dataset dataset = Store.loadTemporary(options.layout());
            out.println("conforms: " + GraphSummary.format(Store.graphSizes(dataset)));
            out.flush();
            return 0;
        } catch (ShaclViolationException ex) {
            out.println(ex.getMessage());
            out.flush();
            return Main.EXIT_FAILED;
        }
    }
}
