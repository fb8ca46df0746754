package org.diplomacykg.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Sends a whole, already built body with its status and type; the one place responses are written. */
public final class Responses {

    public static final String TEXT = "text/plain; charset=utf-8";

    public static void send(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        head(response, status, contentType, body.length);
        response.getOutputStream().write(body);
    }

    /** The status and headers of {@link #send} without the body: the answer to a HEAD. */
    public static void head(HttpServletResponse response, int status, String contentType, int length) {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(length);
    }

    public static void text(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public static void html(HttpServletResponse response, int status, String page) throws IOException {
        send(response, status, ResponseFormat.HTML.contentType(), page.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * 500 for a request whose read failed, unless the response has started: a short message,
     * the details in the log (the caller's), not in the answer. What it has so far is dropped but
     * its {@code Vary} header, which stays true of the error too.
     */
    public static void couldNotRead(HttpServletResponse response) throws IOException {
        if ( response.isCommitted() )
            return;
        String vary = response.getHeader("Vary");
        response.reset();
        if ( vary != null )
            response.setHeader("Vary", vary);
        text(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
             "The knowledge graph could not be read to answer this request; the server log has the details.");
    }

    private Responses() {}
}
