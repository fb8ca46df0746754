package org.diplomacykg.server.linkeddata;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.server.ServerConfig;

/** /ontology: the ontology, by content negotiation, and its documentation page. */
public final class OntologyServlet extends HttpServlet {

    private final transient ServerConfig config;

    public OntologyServlet(ServerConfig config) {
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED, "not yet built");
    }
}
