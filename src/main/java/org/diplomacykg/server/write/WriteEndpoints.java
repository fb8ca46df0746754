package org.diplomacykg.server.write;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
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

/**
 * The write endpoints of a server that takes writes: SPARQL Update and Graph Store, which
 * Fuseki lets only a logged-in user reach (the login itself is
 * {@link org.diplomacykg.server.security.Logins}).
 */
public final class WriteEndpoints {

    /** {@code /kg/update}: SPARQL Update, by Fuseki's processor (no time limit). */
    public static Endpoint update() {
        return update(new SPARQL_Update());
    }

    /**
     * {@code /kg/update}: SPARQL Update by {@code processor}, e.g. one with a time limit. A POST
     * must say what it sends: Fuseki would run a body without a Content-Type as an update.
     */
    public static Endpoint update(SPARQL_Update processor) {
        return update(processor, Auth.ANY_USER);
    }

    /** As {@link #update(SPARQL_Update)}, for the logged-in users {@code writers} allows only (403 for others). */
    public static Endpoint update(SPARQL_Update processor, AuthPolicy writers) {
        return endpoint(Operation.Update, "update", withContentType(processor), writers);
    }

    /** {@code /kg/data}: Graph Store Protocol, read and write. */
    public static Endpoint graphStore() {
        return graphStore(Auth.ANY_USER);
    }

    /** As {@link #graphStore()}, for the logged-in users {@code writers} allows only (403 for others). */
    public static Endpoint graphStore(AuthPolicy writers) {
        return endpoint(Operation.GSP_RW, "data", new GatedGraphStore(), writers);
    }

    /**
     * The endpoint, its processor wrapped so that refused writes ({@link RefusedWrites}) and the
     * client's mistakes ({@link ClientErrors}: too deep, unreadable, a message Fuseki cannot send)
     * get a 4xx with a message.
     */
    private static Endpoint endpoint(Operation operation, String name, ActionProcessor processor, AuthPolicy writers) {
        // With a policy, Fuseki puts a login constraint on the endpoint's path and, past the login,
        // refuses a request whose user the policy does not allow (a second lock on the same door).
        return Endpoint.create()
            .operation(operation)
            .endpointName(name)
            .processor(new RefusedWrites(new ClientErrors(processor)))
            .authPolicy(writers)
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

    private WriteEndpoints() {}
}
