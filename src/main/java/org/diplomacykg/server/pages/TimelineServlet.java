package org.diplomacykg.server.pages;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.server.ServerConfig;

/** /timeline/{slug}: the timeline of a negotiating position or a state. */
public final class TimelineServlet extends HttpServlet {

    private final transient ServerConfig config;

    public TimelineServlet(ServerConfig config) {
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_IMPLEMENTED, "not yet built");
    }
}
