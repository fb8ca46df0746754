package org.diplomacykg.server.security;

import org.diplomacykg.server.http.Responses;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * In front of everything on a server with TLS: a request that did not come over HTTPS is sent
 * there (308, which keeps the method and body), unless it carries credentials, which is refused
 * (403) and never processed: the password has already crossed the network in clear, and must
 * not be rewarded with an answer that makes the mistake look harmless.
 */
public final class HttpsOnly extends Handler.Wrapper {

    private final NetworkConnector https;
    private final String baseUrl;

    /**
     * @param https   the HTTPS connector, whose port redirects point at
     * @param baseUrl the configured public base URL, which redirects point at instead; or null
     */
    public HttpsOnly(Handler handler, NetworkConnector https, String baseUrl) {
        super(handler);
        this.https = https;
        this.baseUrl = baseUrl;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if ( request.isSecure() )
            return super.handle(request, response, callback);
        if ( request.getHeaders().contains(HttpHeader.AUTHORIZATION) ) {
            response.setStatus(HttpStatus.FORBIDDEN_403);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.TEXT);
            // The connection is not reused: what else the client sends in clear is not wanted either.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Content.Sink.write(response, true, "This server takes credentials over HTTPS only, and this request sent them in "
                + "clear over HTTP: it was not processed. Use " + target(request) + " and consider the password seen by others: "
                + "change it.\n", callback);
            return true;
        }
        response.setStatus(HttpStatus.PERMANENT_REDIRECT_308);
        response.getHeaders().put(HttpHeader.LOCATION, target(request));
        callback.succeeded();
        return true;
    }

    /** The same path and query over HTTPS. */
    private String target(Request request) {
        HttpURI uri = request.getHttpURI();
        String pathAndQuery = uri.getPathQuery() == null ? "/" : uri.getPathQuery();
        if ( baseUrl != null && baseUrl.startsWith("https:") )
            return baseUrl + pathAndQuery;
        String host = Request.getServerName(request);
        if ( host.contains(":") && !host.startsWith("[") )
            host = "[" + host + "]";
        int port = https.getLocalPort();
        return "https://" + host + (port == 443 ? "" : ":" + port) + pathAndQuery;
    }
}
