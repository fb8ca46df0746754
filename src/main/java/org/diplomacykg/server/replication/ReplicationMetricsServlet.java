package org.diplomacykg.server.replication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.replication.Replication;
import org.diplomacykg.server.http.Responses;

/**
 * {@code /$/metrics}: the replication gauges in the Prometheus text format (0.0.4), for a
 * scraper: {@code dkg_replica_lag_records}, {@code dkg_replication_applied_offset},
 * {@code dkg_replication_end_offset} and {@code dkg_replication_stopped} (1 when applying or
 * publishing stopped on an error), each labelled with the topic and the role.
 */
public final class ReplicationMetricsServlet extends HttpServlet {

    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final transient Replication replication;

    public ReplicationMetricsServlet(Replication replication) {
        this.replication = replication;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String labels = "{topic=\"" + escape(replication.topic()) + "\",role=\"" + replication.role().label() + "\"}";
        StringBuilder out = new StringBuilder();
        gauge(out, "dkg_replica_lag_records", "Offsets of the topic this store has not read yet (a write counts 2: its record and its transaction marker).", labels, replication.lag());
        gauge(out, "dkg_replication_applied_offset", "Offset of the last record of the topic this store holds (-1: none).",
              labels, replication.applied());
        gauge(out, "dkg_replication_end_offset", "Offset of the topic's next record, as last seen.", labels, replication.end());
        gauge(out, "dkg_replication_stopped", "1 when applying or publishing stopped on an error (see /$/status).",
              labels, replication.error() == null ? 0 : 1);
        response.setHeader("Cache-Control", "no-store");
        Responses.send(response, 200, CONTENT_TYPE, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void gauge(StringBuilder out, String name, String help, String labels, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
           .append("# TYPE ").append(name).append(" gauge\n")
           .append(name).append(labels).append(' ').append(value).append('\n');
    }

    /** A label value escaped as the format requires. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
