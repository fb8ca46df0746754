package org.diplomacykg.server.security;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.diplomacykg.server.http.Responses;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.UserIdentity;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic as Jetty's, with two differences. Credentials which are not Base64
 * ({@code Basic !!!}) are taken as no credentials: 401 with the challenge, where Jetty's
 * authenticator throws and the client gets a 500 naming {@code java.lang.IllegalArgumentException}.
 * And logins are limited ({@link LoginLimiter}): a client address or user name that has failed
 * too often is answered 429 with {@code Retry-After} until its wait is over, without its
 * password being checked. Failed logins are logged with the user name and the address, never
 * the password.
 */
final class LenientBasicAuthenticator extends BasicAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(LenientBasicAuthenticator.class);

    private final LoginLimiter limiter;

    LenientBasicAuthenticator(LoginLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public AuthenticationState validateRequest(Request request, Response response, Callback callback) throws ServerAuthException {
        String credentials = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if ( credentials != null ) {
            Duration wait = limiter.waitFor(Request.getRemoteAddr(request), userOf(credentials));
            if ( !wait.isZero() )
                return tooManyFailures(response, callback, wait);
        }
        try {
            return super.validateRequest(request, response, callback);
        } catch (IllegalArgumentException malformed) {
            // Thrown by the Base64 decoder, before anything was written or anyone logged in.
            return super.validateRequest(withoutCredentials(request), response, callback);
        }
    }

    /** Called by the Basic authenticator with the user and password it decoded. */
    @Override
    public UserIdentity login(String username, Object password, Request request, Response response) {
        UserIdentity user = super.login(username, password, request, response);
        String address = Request.getRemoteAddr(request);
        if ( user != null ) {
            limiter.succeeded(address, username);
        } else {
            Duration wait = limiter.failed(address, username);
            LOG.warn("Failed login for user '{}' from {}{}", printable(username), address,
                     wait.isZero() ? "" : "; further logins from there or for that user wait " + seconds(wait) + " s");
        }
        return user;
    }

    private static AuthenticationState tooManyFailures(Response response, Callback callback, Duration wait) {
        response.setStatus(429);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds(wait)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.TEXT);
        Content.Sink.write(response, true, "Too many failed logins from this address or for this user: try again in "
            + seconds(wait) + " s\n", callback);
        return AuthenticationState.SEND_FAILURE;
    }

    /** Whole seconds, rounded up: Retry-After takes no fractions, and zero would invite an immediate retry. */
    private static long seconds(Duration wait) {
        long s = wait.toSeconds();
        return wait.equals(Duration.ofSeconds(s)) && s > 0 ? s : s + 1;
    }

    /** The user name in Basic credentials, as Jetty decodes it; null if there is none. */
    private String userOf(String credentials) {
        int space = credentials.indexOf(' ');
        if ( space < 0 || !"basic".equalsIgnoreCase(credentials.substring(0, space)) )
            return null;
        try {
            Charset charset = getCharset() == null ? StandardCharsets.ISO_8859_1 : getCharset();
            String decoded = new String(Base64.getDecoder().decode(credentials.substring(space + 1)), charset);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** The user name with control characters escaped, so that it cannot forge log lines. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if ( Character.isISOControl(c) )
                out.append(String.format("\\u%04x", c));
            else
                out.appendCodePoint(c);
        });
        return out.toString();
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
