package org.diplomacykg;

import org.diplomacykg.cli.BenchCommand;
import org.diplomacykg.cli.ExitCodes;
import org.diplomacykg.cli.ExportCommand;
import org.diplomacykg.cli.GenerateCommand;
import org.diplomacykg.cli.InferCommand;
import org.diplomacykg.cli.LoadCommand;
import org.diplomacykg.cli.NewArticleCommand;
import org.diplomacykg.cli.PasswdCommand;
import org.diplomacykg.cli.ServeCommand;
import org.diplomacykg.cli.ValidateCommand;
import org.diplomacykg.store.LoadException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command line: {@code java -jar diplomacy-kg.jar <command> [options]}. */
@Command(name = "diplomacy-kg",
         description = "A knowledge graph of diplomatic negotiations, served as SPARQL.",
         mixinStandardHelpOptions = true,
         versionProvider = Main.Version.class,
         // Sub-commands inherit --help and --version.
         scope = ScopeType.INHERIT,
         subcommands = { ServeCommand.class, ValidateCommand.class, NewArticleCommand.class, InferCommand.class,
                         LoadCommand.class, ExportCommand.class, GenerateCommand.class, BenchCommand.class,
                         PasswdCommand.class })
public final class Main implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of "
            + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String... args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line, for {@link #main} and for tests that run commands in-process.
     * Load problems are the user's to fix, so they print as one message, not a stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if ( !(ex instanceof LoadException) )
                throw ex;
            commandLine.getErr().println("error: " + ex.getMessage());
            return ExitCodes.FAILED;
        });
        return cmd;
    }

    /** The version recorded in the jar's manifest by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] { "diplomacy-kg " + (version == null ? "(development build)" : version) };
        }
    }
}
