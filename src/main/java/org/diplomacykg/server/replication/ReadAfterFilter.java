package org.diplomacykg.server.replication;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.replication.Replication;
import org.diplomacykg.server.http.Responses;

/**
 * Read your writes: a request that names the offset its write got ({@value #HEADER}: N, or
 * {@code ?after=N}) is answered only once this server's store holds the record at N; after
 * {@link #WAIT} it gets 503 with {@code Retry-After}. Without either, a request is answered
 * at once from what the store holds.
 */
public final class ReadAfterFilter implements Filter {

    /** The request header naming the offset to wait for. */
    public static final String HEADER = "DKG-After";
    /** The longest a request waits for its offset. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    private final Replication replication;

    public ReadAfterFilter(Replication replication) {
        this.replication = replication;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String asked = asked(request);
        if ( asked != null ) {
            long offset;
            try {
                offset = Long.parseLong(asked.strip());
            } catch (NumberFormatException ex) {
                Responses.text(response, 400, HEADER + " and ?after= take the offset a write answered with "
                    + "(its DKG-Offset header), a whole number; not " + asked);
                return;
            }
            if ( !held(offset) ) {
                response.setHeader("Retry-After", "1");
                Responses.text(response, 503, "This server does not hold the write at offset " + offset + " of "
                    + replication.topic() + " yet (it holds up to " + replication.applied() + (replication.error() == null ? ""
                    : "; it stopped applying: " + replication.error()) + "): try again shortly, or ask the primary.");
                return;
            }
        }
        chain.doFilter(req, res);
    }

    private boolean held(long offset) {
        try {
            return replication.awaitApplied(offset, WAIT);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The header, else {@code after} of the query string (never the body: a form POST keeps its parameters). */
    private static String asked(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if ( header != null )
            return header;
        String query = request.getQueryString();
        if ( query == null )
            return null;
        for ( String pair : query.split("&") ) {
            if ( pair.startsWith("after=") )
                return URLDecoder.decode(pair.substring("after=".length()), StandardCharsets.UTF_8);
        }
        return null;
    }
}
