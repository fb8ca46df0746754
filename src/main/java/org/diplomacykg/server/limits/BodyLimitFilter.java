package org.diplomacykg.server.limits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.server.limits.CountedBody.Refusal;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request body limit, for every path: queries, updates, Graph Store data, articles.
 * <ul>
 * <li>A {@code Content-Length} over the limit is answered 413 at once, before any of the body
 *     is read.</li>
 * <li>Any other body (chunked, or compressed: the limit is on the decoded bytes) is counted as
 *     it is read ({@link CountedBody}); the read that crosses the limit fails, whatever the
 *     servlet behind then answers is dropped ({@link SilenceableResponse}) and the answer is
 *     413. Writes read their body inside their transaction, so a refused body leaves the data
 *     as it was.</li>
 * <li>An HTML form ({@code application/x-www-form-urlencoded}) is read by Jetty, not through
 *     the counted stream: its limit is set to the same size and the form is read here, first, so
 *     that a form over it is 413 too and a malformed one 400, never a 500.</li>
 * </ul>
 * A body that is not valid gzip or deflate when its {@code Content-Encoding} says so is 400.
 * The rest of a refused body is read and dropped, up to {@link #DRAINED} bytes, so that a
 * client that sends all of it before reading the answer still reads the 413.
 */
public final class BodyLimitFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(BodyLimitFilter.class);
    private static final String FORM = "application/x-www-form-urlencoded";

    /** How much of a refused body is read and dropped so that the client can read the answer. */
    static final long DRAINED = 64 * Limits.MB;

    private final long limit;

    public BodyLimitFilter(long maxBodyBytes) {
        Limits.checkMaxBody(maxBodyBytes);
        this.limit = maxBodyBytes;
    }

    @Override
    public void init(FilterConfig config) {
        // Jetty reads forms itself, up to its own limit (Fuseki sets 25 MB): make it this one.
        ServletContextHandler context = ServletContextHandler.getServletContextHandler(config.getServletContext());
        if ( context != null )
            context.setMaxFormContentSize((int) limit);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if ( !(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response) ) {
            chain.doFilter(req, res);
            return;
        }
        if ( request.getContentLengthLong() > limit ) {
            // A client waiting for "100 Continue" has sent nothing yet, and now need not.
            boolean waiting = "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
            if ( !waiting && request.getContentLengthLong() <= DRAINED )
                drain(request);
            refuse(request, response, CountedBody.tooLarge(limit));
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, limit);
        if ( isForm(request) ) {
            Refusal refusal = readForm(request);
            if ( refusal != null ) {
                drain(request);
                refuse(request, response, refusal);
                return;
            }
        }
        SilenceableResponse silenceable = new SilenceableResponse(response, () -> refusalOf(limited) != null);
        try {
            chain.doFilter(limited, silenceable);
        } catch (IOException | ServletException | RuntimeException ex) {
            // A servlet that lets the failed read escape (the article servlet does).
            if ( refusalOf(limited) == null )
                throw ex;
        }
        Refusal refusal = refusalOf(limited);
        if ( refusal != null ) {
            if ( refusal.status() == 413 )
                drain(request);
            refuse(request, response, refusal);
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link #DRAINED} bytes. A client
     * that sends its whole body before it reads the answer (most do) would otherwise find the
     * connection reset under it and never see the 413. A longer body is left unread: the
     * connection is closed after the answer.
     */
    private static void drain(HttpServletRequest request) {
        byte[] buffer = new byte[64 * 1024];
        long left = DRAINED;
        try {
            InputStream in = request.getInputStream();
            while ( left > 0 ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if ( n < 0 )
                    break;
                left -= n;
            }
        } catch (IOException | RuntimeException ex) {
            // The client has gone, or Jetty has no more to give: answer anyway.
        }
    }

    private static Refusal refusalOf(LimitedRequest request) {
        CountedBody body = request.body();
        return body == null ? null : body.refusal();
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, FORM, 0, FORM.length())
               && "POST".equalsIgnoreCase(request.getMethod());
    }

    /**
     * Reads the form now, while the answer can still be chosen; Jetty keeps the parameters for
     * the servlet. Returns why it cannot be read, or null.
     */
    private Refusal readForm(HttpServletRequest request) {
        try {
            request.getParameterMap();
            return null;
        } catch (RuntimeException ex) {
            for ( Throwable t = ex; t != null; t = t.getCause() ) {
                // Jetty: IllegalStateException("form too large > N") under a BadMessageException.
                if ( t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("too large") )
                    return CountedBody.tooLarge(limit);
                if ( t.getCause() == t )
                    break;
            }
            return new Refusal(400, "The form in the request body cannot be read: " + rootMessage(ex)
                                  + ". Send a form (application/x-www-form-urlencoded) with one 'query=' or 'update=' field, "
                                  + "or the query itself as application/sparql-query.");
        }
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while ( root.getCause() != null && root.getCause() != root )
            root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
        LOG.info("{} {}: {} {}", request.getMethod(), request.getRequestURI(), refusal.status(),
                 refusal.status() == 413 ? "request body over the limit" : refusal.message());
        if ( response.isCommitted() ) {
            // Nothing of the answer can change now; the connection is closed on the client.
            LOG.warn("{} {}: the response had already started when the body was refused", request.getMethod(), request.getRequestURI());
            return;
        }
        byte[] body = (refusal.message() + "\n").getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(refusal.status());
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        // The rest of an over-long body may be unread: the connection is not reused.
        if ( refusal.status() == 413 )
            response.setHeader("Connection", "close");
        try {
            response.getOutputStream().write(body);
        } catch (IllegalStateException ex) {
            // The servlet took the writer before its read failed.
            response.getWriter().write(refusal.message() + "\n");
        }
    }
}
