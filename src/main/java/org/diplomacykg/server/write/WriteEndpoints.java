package org.diplomacykg.server.write;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;

/**
 * The pieces of a server that takes writes: the SPARQL Update and Graph Store endpoints, which
 * Fuseki lets only a logged-in user reach, and the HTTP Basic login that protects them and the
 * article endpoint. Reads elsewhere stay public.
 */
public final class WriteEndpoints {

    /** The realm named in the {@code WWW-Authenticate} challenge. */
    public static final String REALM = "diplomacy-kg";

    /** {@code /kg/update}: SPARQL Update, by Fuseki's processor (no time limit). */
    public static Endpoint update() {
        return update(new SPARQL_Update());
    }

    /** {@code /kg/update}: SPARQL Update by {@code processor}, e.g. one with a time limit. */
    public static Endpoint update(SPARQL_Update processor) {
        return endpoint(Operation.Update, "update", new RefusedWrites(processor));
    }

    /** {@code /kg/data}: Graph Store Protocol, read and write. */
    public static Endpoint graphStore() {
        return endpoint(Operation.GSP_RW, "data", new RefusedWrites(new GatedGraphStore()));
    }

    private static Endpoint endpoint(Operation operation, String name, RefusedWrites processor) {
        // ANY_USER: Fuseki puts a login constraint on the endpoint's path and, past the login,
        // refuses a request without a user (a second lock on the same door).
        return Endpoint.create()
            .operation(operation)
            .endpointName(name)
            .processor(processor)
            .authPolicy(Auth.ANY_USER)
            .build();
    }

    /**
     * HTTP Basic login against the users of {@code access}, demanded on {@code extraPaths} (Jetty
     * path specs such as {@code /kg/articles/*}); Fuseki adds the write endpoints' paths to it.
     */
    public static ConstraintSecurityHandler securityHandler(WriteAccess access, String... extraPaths) {
        ConstraintSecurityHandler handler = JettySecurityLib.makeSecurityHandler(
            REALM, PasswordFile.userStore(access.passwordFile()), AuthScheme.BASIC);
        for ( String path : extraPaths )
            JettySecurityLib.addPathConstraint(handler, path);
        return handler;
    }

    private WriteEndpoints() {}
}
