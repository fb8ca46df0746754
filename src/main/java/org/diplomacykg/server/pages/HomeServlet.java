package org.diplomacykg.server.pages;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.server.ServerConfig;

/** /: what the service holds, the endpoints, and a SPARQL editor. */
public final class HomeServlet extends HttpServlet {

    private final transient ServerConfig config;

    public HomeServlet(ServerConfig config) {
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED, "not yet built");
    }
}
