package org.diplomacykg.server.write;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * HTTP Basic as Jetty's, except that credentials which are not Base64 ({@code Basic !!!}) are
 * taken as no credentials: 401 with the challenge, where Jetty's authenticator throws and the
 * client gets a 500 naming {@code java.lang.IllegalArgumentException}.
 */
final class LenientBasicAuthenticator extends BasicAuthenticator {

    @Override
    public AuthenticationState validateRequest(Request request, Response response, Callback callback) throws ServerAuthException {
        try {
            return super.validateRequest(request, response, callback);
        } catch (IllegalArgumentException malformed) {
            // Thrown by the Base64 decoder, before anything was written or anyone logged in.
            return super.validateRequest(withoutCredentials(request), response, callback);
        }
    }

    private static Request withoutCredentials(Request request) {
        HttpFields headers = HttpFields.build(request.getHeaders()).remove(HttpHeader.AUTHORIZATION).asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return headers;
            }
        };
    }
}
