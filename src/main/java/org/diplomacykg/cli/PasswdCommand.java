package org.diplomacykg.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.diplomacykg.server.ServerConfigException;
import org.diplomacykg.server.write.PasswordFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code passwd FILE USER}: adds USER to the password file, or gives USER a new password, read
 * from the first line of standard input and stored as a salted bcrypt hash; the file's other
 * lines stay as they are, and it is left readable by its owner only.
 */
@Command(name = "passwd",
         description = "Add a user to a password file (for serve --passwd or --read-passwd), or replace the user's "
                     + "password, reading it from the first line of standard input and storing a salted bcrypt hash. "
                     + "The file is created if new and made readable by its owner only (chmod 600).")
public final class PasswdCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The password file.")
    private Path file;

    @Parameters(index = "1", paramLabel = "USER", description = "The user to add or change.")
    private String user;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String password;
        try {
            // Only the first line: a trailing newline, as echo or a here-string adds, is not part of it.
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException ex) {
            return fail("cannot read the password from standard input: " + ex.getMessage());
        }
        if ( password == null || password.isEmpty() )
            return fail("no password on standard input: send it as the first line, e.g. from a password manager");
        try {
            PasswordFile.put(file, user, password);
        } catch (ServerConfigException ex) {
            return fail(ex.getMessage());
        } catch (IOException ex) {
            return fail("cannot write " + file.toAbsolutePath().normalize() + ": " + ex.getMessage());
        }
        spec.commandLine().getOut().println("Stored a bcrypt hash of the password of '" + user + "' in " + file);
        return 0;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("error: " + message);
        return ExitCodes.FAILED;
    }
}
