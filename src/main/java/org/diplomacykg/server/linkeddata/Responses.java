package org.diplomacykg.server.linkeddata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Sends a whole, already built body with its status and type; the one place responses are written. */
final class Responses {

    static final String TEXT = "text/plain; charset=utf-8";

    static void send(HttpServletResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void text(HttpServletResponse response, int status, String message) throws IOException {
        send(response, status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static void html(HttpServletResponse response, int status, String page) throws IOException {
        send(response, status, ResponseFormat.HTML.contentType(), page.getBytes(StandardCharsets.UTF_8));
    }

    private Responses() {}
}
