package org.diplomacykg.server.write;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.diplomacykg.server.ServerConfigException;
import org.eclipse.jetty.security.PropertyUserStore;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The users who may write, in Jetty's password file format (what Fuseki's {@code --passwd}
 * reads): one {@code user: password} per line, {@code #} for comments; a password may also be
 * given hashed as {@code MD5:...} or {@code CRYPT:...}; anything after a comma is a role list,
 * which is ignored here (every listed user may write). There is no default user or password:
 * a file that lists nobody, or a user without a password, is refused at startup.
 */
public final class PasswordFile {

    /**
     * Checks the file the way Jetty will read it ({@link Properties} syntax, the password before
     * any comma) and returns the user names. Throws {@link ServerConfigException} with a
     * one-line message naming the file if it is missing, unreadable, empty or has a user
     * without a password.
     */
    public static Set<String> check(Path file) {
        if ( file == null )
            throw new ServerConfigException("a password file must be given to enable writes");
        Path shown = file.toAbsolutePath().normalize();
        if ( Files.isDirectory(file) )
            throw new ServerConfigException("password file " + shown + " is a directory: name the file with the 'user: password' lines");
        if ( !Files.isRegularFile(file) )
            throw new ServerConfigException("password file " + shown + " does not exist: create it with one 'user: password' line per user");
        Properties entries = new Properties();
        try ( InputStream in = Files.newInputStream(file) ) {
            entries.load(in);
        } catch (IOException | IllegalArgumentException ex) {
            // IllegalArgumentException: a malformed \\u escape, which Properties rejects.
            throw new ServerConfigException("cannot read password file " + shown + ": " + ex.getMessage());
        }
        Set<String> users = new TreeSet<>();
        for ( Map.Entry<Object, Object> entry : entries.entrySet() ) {
            String user = entry.getKey().toString().trim();
            String password = passwordOf(entry.getValue().toString());
            if ( user.isEmpty() )
                throw new ServerConfigException("password file " + shown + " has a line without a user name: write 'user: password'");
            if ( password.isEmpty() )
                throw new ServerConfigException("user '" + user + "' in password file " + shown + " has no password: write '" + user + ": password'");
            users.add(user);
        }
        if ( users.isEmpty() )
            throw new ServerConfigException("password file " + shown + " names no user: add a line 'user: password'");
        return users;
    }

    /**
     * Jetty's user store for the file. Not started: the login service that holds it starts and
     * stops it with the server, and reads the file then (no reloading while running).
     */
    static UserStore userStore(Path file) {
        PropertyUserStore store = new PropertyUserStore();
        store.setConfig(ResourceFactory.root().newResource(file.toAbsolutePath()));
        return store;
    }

    /** The password part of a value {@code password[, role ...]}, as Jetty takes it. */
    private static String passwordOf(String value) {
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }

    private PasswordFile() {}
}
