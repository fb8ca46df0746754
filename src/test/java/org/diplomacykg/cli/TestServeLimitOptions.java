package org.diplomacykg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.diplomacykg.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code serve --max-body, --max-results, --update-timeout}: documented, and checked before the load. */
class TestServeLimitOptions {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--max-body, 0, --max-body",
        "--max-body, 4096, --max-body",
        "--max-results, 0, --max-results",
        "--update-timeout, 0, --update-timeout",
    })
    void outOfRangeIsAUsageError(String option, String value, String named) {
        // A data directory that does not exist: the option is refused before anything is read.
        int code = run("serve", option, value, "--data", "no-such-directory");
        assertEquals(2, code, err::toString);
        assertTrue(err.toString().contains(named), err::toString);
        assertFalse(err.toString().contains("\tat "), err::toString);
    }

    @Test
    void helpDocumentsTheLimitsAndTheirDefaults() {
        assertEquals(0, run("serve", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("--max-body=MB"), help);
        assertTrue(help.contains("(default: 10)"), help);
        assertTrue(help.contains("--max-results=N"), help);
        assertTrue(help.contains("(default: 100000)"), help);
        assertTrue(help.contains("--update-timeout=SECONDS"), help);
        assertTrue(help.contains("(default: 60)"), help);
    }
}
