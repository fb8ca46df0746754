package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.diplomacykg.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;

/** {@code serve --publish, --replica-of, --topic, --promote}: what goes together is checked before anything is opened. */
class TestServeReplicationOptions {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--publish k:9092 --replica-of k:9092 --topic kg --tdb db --passwd p | exclude each other",
        "--promote --tdb db | --promote goes with --publish",
        "--topic kg | --topic goes with",
        "--publish k:9092 --tdb db --passwd p | need --topic",
        "--replica-of k:9092 --topic kg | pass --tdb DIR",
        "--publish k:9092 --topic kg --tdb db | pass --passwd FILE",
        "--replica-of k:9092 --topic kg --tdb db --passwd p | leave out --passwd",
    })
    void optionsThatDoNotGoTogetherAreAUsageError(String options, String message) {
        String[] args = ("serve --data no-such-directory " + options).split(" ");
        assertEquals(2, run(args), err::toString);
        assertTrue(err.toString().contains(message), err::toString);
    }
}
