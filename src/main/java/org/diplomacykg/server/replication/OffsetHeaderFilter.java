package org.diplomacykg.server.replication;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.diplomacykg.replication.WriteOffsets;

/**
 * On a primary's write endpoints: the answer to a write that was published carries the
 * offset of its record, {@value #HEADER}: N, which a reader sends a replica as
 * {@code DKG-After} to read its write. The write commits before the endpoint starts its
 * answer, so the header is added when the status is set or the body begun.
 */
public final class OffsetHeaderFilter implements Filter {

    /** The response header with the offset of the write's record. */
    public static final String HEADER = "DKG-Offset";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        WriteOffsets.clear();
        try {
            chain.doFilter(request, new WithOffset((HttpServletResponse) response));
        } finally {
            WriteOffsets.clear();
        }
    }

    private static final class WithOffset extends HttpServletResponseWrapper {
        WithOffset(HttpServletResponse response) {
            super(response);
        }

        private void addOffset() {
            Long offset = WriteOffsets.last();
            if ( offset != null && !isCommitted() && getHeader(HEADER) == null )
                setHeader(HEADER, Long.toString(offset));
        }

        @Override
        public void setStatus(int sc) {
            addOffset();
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            addOffset();
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            addOffset();
            super.sendError(sc);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            addOffset();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            addOffset();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            addOffset();
            super.flushBuffer();
        }
    }
}
