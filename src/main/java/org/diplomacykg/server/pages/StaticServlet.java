package org.diplomacykg.server.pages;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.server.ServerConfig;

/** /static/...: the stylesheet and the SPARQL editor's files. */
public final class StaticServlet extends HttpServlet {

    private final transient ServerConfig config;

    public StaticServlet(ServerConfig config) {
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED, "not yet built");
    }
}
