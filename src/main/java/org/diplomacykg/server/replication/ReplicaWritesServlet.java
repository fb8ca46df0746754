package org.diplomacykg.server.replication;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.replication.Replication;
import org.diplomacykg.server.http.Responses;

/**
 * A replica's write endpoints ({@code /kg/update}, {@code /kg/data}, {@code /kg/articles/...}):
 * 405 to every request, naming the topic and the Kafka cluster the primary publishes to, so a
 * client sent here by mistake learns where writes go. Not 503: trying again here never helps.
 */
public final class ReplicaWritesServlet extends HttpServlet {

    private final transient Replication replication;

    public ReplicaWritesServlet(Replication replication) {
        this.replication = replication;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "");
        // The body is not read: the connection closes after the answer, so that a client does not
        // send its next request on a connection Jetty closes for the unread body.
        response.setHeader("Connection", "close");
        Responses.text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, replication.writesGoElsewhere());
    }
}
