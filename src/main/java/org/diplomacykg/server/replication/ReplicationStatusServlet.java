package org.diplomacykg.server.replication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonObject;
import org.diplomacykg.replication.Replication;
import org.diplomacykg.server.http.Responses;

/**
 * {@code /$/status}: the server's part in replication as JSON, for operators and load
 * balancers: {@code role}, {@code topic}, {@code bootstrap}, {@code appliedOffset} (the last
 * record the store holds, -1 for none), {@code endOffset} (the offset of the topic's next
 * record, as last seen), {@code lag} (offsets not yet read: 0 when the store holds the whole
 * topic; a write counts 2, its record and Kafka's transaction marker) and {@code error} (why
 * it stopped applying or taking writes; absent while all is well).
 */
public final class ReplicationStatusServlet extends HttpServlet {

    private final transient Replication replication;

    public ReplicationStatusServlet(Replication replication) {
        this.replication = replication;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject json = new JsonObject();
        json.put("role", replication.role().label());
        json.put("topic", replication.topic());
        json.put("bootstrap", replication.bootstrap());
        json.put("appliedOffset", replication.applied());
        json.put("endOffset", replication.end());
        json.put("lag", replication.lag());
        String error = replication.error();
        if ( error != null )
            json.put("error", error);
        response.setHeader("Cache-Control", "no-store");
        Responses.send(response, 200, "application/json", json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
