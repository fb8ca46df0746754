package org.diplomacykg.server.write;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.ActionProcessor;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.web.HttpSC;
import org.diplomacykg.server.http.ClientErrors;
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

    /**
     * {@code /kg/update}: SPARQL Update by {@code processor}, e.g. one with a time limit. A POST
     * must say what it sends: Fuseki would run a body without a Content-Type as an update.
     */
    public static Endpoint update(SPARQL_Update processor) {
        return endpoint(Operation.Update, "update", withContentType(processor));
    }

    /** {@code /kg/data}: Graph Store Protocol, read and write. */
    public static Endpoint graphStore() {
        return endpoint(Operation.GSP_RW, "data", new GatedGraphStore());
    }

    /**
     * The endpoint, its processor wrapped so that refused writes ({@link RefusedWrites}) and the
     * client's mistakes ({@link ClientErrors}: too deep, unreadable, a message Fuseki cannot send)
     * get a 4xx with a message.
     */
    private static Endpoint endpoint(Operation operation, String name, ActionProcessor processor) {
        // ANY_USER: Fuseki puts a login constraint on the endpoint's path and, past the login,
        // refuses a request without a user (a second lock on the same door).
        return Endpoint.create()
            .operation(operation)
            .endpointName(name)
            .processor(new RefusedWrites(new ClientErrors(processor)))
            .authPolicy(Auth.ANY_USER)
            .build();
    }

    /** The processor, after a 415 for a POST without a Content-Type. */
    private static ActionProcessor withContentType(ActionProcessor processor) {
        return new ActionProcessor() {
            @Override
            public void process(HttpAction action) {
                if ( HttpNames.METHOD_POST.equalsIgnoreCase(action.getRequestMethod()) && ActionLib.getContentType(action) == null )
                    ServletOps.error(HttpSC.UNSUPPORTED_MEDIA_TYPE_415, "No Content-Type: send the update as "
                        + "application/sparql-update, or as a form (application/x-www-form-urlencoded) with update=...");
                processor.process(action);
            }
        };
    }

    /**
     * HTTP Basic login against the users of {@code access}, demanded on {@code extraPaths} (Jetty
     * path specs such as {@code /kg/articles/*}); Fuseki adds the write endpoints' paths to it.
     */
    public static ConstraintSecurityHandler securityHandler(WriteAccess access, String... extraPaths) {
        ConstraintSecurityHandler handler = JettySecurityLib.makeSecurityHandler(
            REALM, PasswordFile.userStore(access.passwordFile()), AuthScheme.BASIC);
        // Credentials that are not Base64 are no credentials (401), not Jetty's 500.
        handler.setAuthenticator(new LenientBasicAuthenticator());
        for ( String path : extraPaths )
            JettySecurityLib.addPathConstraint(handler, path);
        return handler;
    }

    private WriteEndpoints() {}
}
