package org.diplomacykg.cli;

import java.nio.file.Path;

import org.diplomacykg.store.StoreStack;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The option that names a command's TDB2 store, {@code --tdb DIR}, shared by {@code serve},
 * {@code load}, {@code export} and {@code infer}, and the one way they open it ({@link #stack()}).
 * Optional as declared; a command that cannot run without a store makes it required with
 * {@link Required}, so that picocli refuses a missing {@code --tdb} and the usage shows it.
 */
public final class StoreOptions {

    static final String NAME = "--tdb";

    @Option(names = NAME, paramLabel = "DIR",
            description = "The TDB2 store in DIR: serve and load create it if new, export and infer read an existing one. "
                        + "One process at a time may open a store: no server or load may be running on it.")
    private Path dir;

    /** The directory given, or null without {@code --tdb}. */
    public Path dir() {
        return dir;
    }

    /** The store of {@code --tdb DIR}, or without it one in a temporary directory; the command says how to open it. */
    public StoreStack stack() {
        return dir == null ? StoreStack.temporary() : StoreStack.at(dir);
    }

    /** For {@code @Command(modelTransformer = StoreOptions.Required.class)}: the command needs {@code --tdb}. */
    public static final class Required implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec command) {
            OptionSpec optional = command.findOption(NAME);
            command.remove(optional);
            command.addOption(OptionSpec.builder(optional).required(true).build());
            return command;
        }
    }
}
