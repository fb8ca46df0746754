package org.diplomacykg.server.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Cross-origin requests to the write endpoints. A page on another origin may send authenticated
 * writes only when the operator allows its origin ({@code serve --cors-origin ORIGIN}): its
 * preflight is answered here, ahead of the login (a browser sends a preflight without
 * credentials, so the login would answer 401 and the browser give up), with that origin exactly,
 * credentials allowed, and the headers and methods a write needs. A request from any other origin
 * (a browser says where a page is from in {@code Origin}) is refused with 403 before it reaches
 * the login, so that a page elsewhere cannot write with credentials the browser remembers.
 * Requests without {@code Origin} (curl, notebooks) and from the server's own pages pass.
 * Reads are left to Fuseki's CORS filter.
 */
public final class WriteCors extends Handler.Wrapper {

    static final String ALLOW_METHODS = "GET, POST, PUT, DELETE";
    static final String ALLOW_HEADERS = "Authorization, Content-Type";
    /** How long a browser may keep a preflight's answer, in seconds. */
    static final String MAX_AGE = "600";

    private final List<String> writePaths;
    private final Set<String> allowedOrigins;
    private final String baseUrl;

    /**
     * @param writePaths     path prefixes of the write endpoints, e.g. {@code /kg/update}
     * @param allowedOrigins origins as {@code ServerConfig.checkOrigin} normalises them
     * @param baseUrl        the configured public base URL (its origin counts as the server's own), or null
     */
    public WriteCors(Handler handler, List<String> writePaths, List<String> allowedOrigins, String baseUrl) {
        super(handler);
        this.writePaths = List.copyOf(writePaths);
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.baseUrl = baseUrl;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if ( origin == null || !isWrite(Request.getPathInContext(request)) )
            return super.handle(request, response, callback);
        String normal = origin.strip().toLowerCase(Locale.ROOT);
        if ( allowedOrigins.contains(normal) ) {
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            response.getHeaders().add(HttpHeader.VARY, "Origin");
            if ( !isPreflight(request) )
                return super.handle(request, response, callback);
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS);
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
            response.setStatus(HttpStatus.NO_CONTENT_204);
            callback.succeeded();
            return true;
        }
        if ( normal.equals(ownOrigin(request)) || (baseUrl != null && normal.equals(origin(baseUrl))) )
            return super.handle(request, response, callback);
        response.setStatus(HttpStatus.FORBIDDEN_403);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.TEXT);
        Content.Sink.write(response, true, "Writes from pages of " + origin + " are not allowed: the server's operator "
            + "can allow them with serve --cors-origin " + origin + "\n", callback);
        return true;
    }

    private boolean isWrite(String path) {
        if ( path == null )
            return false;
        for ( String prefix : writePaths ) {
            if ( path.equals(prefix) || path.startsWith(prefix + "/") )
                return true;
        }
        return false;
    }

    private static boolean isPreflight(Request request) {
        return "OPTIONS".equals(request.getMethod())
               && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }

    /** The origin the request was sent to, as a browser writes it (no default port). */
    private static String ownOrigin(Request request) {
        String scheme = request.getHttpURI().getScheme();
        return origin(scheme == null ? "http" : scheme, Request.getServerName(request), Request.getServerPort(request));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return origin(uri.getScheme(), uri.getHost(), uri.getPort());
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
        String h = host.toLowerCase(Locale.ROOT);
        if ( h.contains(":") && !h.startsWith("[") )
            h = "[" + h + "]";
        return s + "://" + h + (defaultPort ? "" : ":" + port);
    }
}
