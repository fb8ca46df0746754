package org.diplomacykg.server.linkeddata;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.server.ServerConfig;

/** /id/{slug}: describes one thing of the knowledge graph, by content negotiation. */
public final class ResourceServlet extends HttpServlet {

    private final transient ServerConfig config;

    public ResourceServlet(ServerConfig config) {
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED, "not yet built");
    }
}
