package org.diplomacykg.server.security;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.diplomacykg.server.ServerConfigException;
import org.diplomacykg.server.write.PasswordFile;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.UserPrincipal;
import org.eclipse.jetty.security.UserStore;

/**
 * The HTTP Basic login of a server: who may log in (the writers of {@code --passwd} and the
 * readers of {@code --read-passwd}) and which paths demand it. Writes always do; with readers,
 * so does everything else except {@code /$/ping}, which says only that the server is up. Which
 * of the logged-in users may write is checked past the login ({@link #writers()}).
 */
public final class Logins {

    /** The realm named in the {@code WWW-Authenticate} challenge. */
    public static final String REALM = "diplomacy-kg";

    /** The one path a private server answers without a login. */
    public static final String PING = "/$/ping";

    private final PasswordFile writers;
    private final PasswordFile readers;

    /**
     * @param writers the users who may write (and read), or null for a read-only server
     * @param readers the users who may only read, or null for public reads
     */
    public Logins(PasswordFile writers, PasswordFile readers) {
        if ( writers == null && readers == null )
            throw new IllegalArgumentException("a login needs users");
        checkDisjoint(writers, readers);
        this.writers = writers;
        this.readers = readers;
    }

    /**
     * Refuses a user who is in both files: with two passwords, which one counts would depend on
     * the order the files are read in. Either may be null.
     */
    public static void checkDisjoint(PasswordFile writers, PasswordFile readers) {
        if ( writers == null || readers == null )
            return;
        Set<String> both = new TreeSet<>(writers.users());
        both.retainAll(readers.users());
        if ( !both.isEmpty() )
            throw new ServerConfigException("user(s) " + String.join(", ", both) + " are in both " + writers.file()
                + " and " + readers.file() + ": a writer may read already, so remove them from the readers' file");
    }

    /** Whether reads need a login too. */
    public boolean privateReads() {
        return readers != null;
    }

    /** The users who may write: none on a read-only server. */
    public Set<String> writers() {
        return writers == null ? Set.of() : writers.users();
    }

    /**
     * The security handler: HTTP Basic against both files' users, limited by {@code limiter},
     * demanded on {@code writePaths} (Jetty path specs such as {@code /kg/articles/*}; Fuseki
     * adds its write endpoints' paths itself) and, with readers, on every path but {@link #PING}.
     */
    public ConstraintSecurityHandler securityHandler(LoginLimiter limiter, List<String> writePaths) {
        ConstraintSecurityHandler handler = JettySecurityLib.makeSecurityHandler(REALM, userStore(), AuthScheme.BASIC);
        // Credentials that are not Base64 are no credentials (401), not Jetty's 500; repeated failures wait (429).
        handler.setAuthenticator(new LenientBasicAuthenticator(limiter));
        for ( String path : writePaths )
            JettySecurityLib.addPathConstraint(handler, path);
        if ( privateReads() ) {
            JettySecurityLib.addPathConstraint(handler, "/*");
            ConstraintMapping ping = new ConstraintMapping();
            ping.setPathSpec(PING);
            ping.setConstraint(Constraint.ALLOWED);
            handler.addConstraintMapping(ping);
        }
        return handler;
    }

    private UserStore userStore() {
        // Only worth it when known users' passwords are slow to check; plain and MD5 ones are quick either way.
        boolean slowChecks = files().anyMatch(file -> file.weakUsers().size() < file.users().size());
        UserStore store = !slowChecks ? new UserStore() : new UserStore() {
            /** An unknown user's password is checked too, against a hash nothing matches (see {@link PasswordFile#nobody()}). */
            @Override
            public UserPrincipal getUserPrincipal(String user) {
                UserPrincipal known = super.getUserPrincipal(user);
                return known != null ? known : new UserPrincipal(user, PasswordFile.nobody());
            }
        };
        files().forEach(file -> {
            for ( String user : file.users() )
                store.addUser(user, file.credential(user), new String[0]);
        });
        return store;
    }

    private Stream<PasswordFile> files() {
        return Stream.of(writers, readers).filter(Objects::nonNull);
    }
}
