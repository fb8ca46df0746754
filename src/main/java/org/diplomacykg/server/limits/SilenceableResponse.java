package org.diplomacykg.server.limits;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response as the servlets behind {@link BodyLimitFilter} see it: once their request body
 * has been refused, whatever they answer to the failed read (Fuseki's 400 or 500, a servlet's
 * own error) is dropped, status, headers and body, so that the filter can give the real reason.
 * The output stream is this wrapper's own, over the wrapped response's stream, so that writes
 * after the refusal go nowhere.
 */
final class SilenceableResponse extends HttpServletResponseWrapper {

    private final BooleanSupplier silenced;
    private ServletOutputStream stream;

    SilenceableResponse(HttpServletResponse response, BooleanSupplier silenced) {
        super(response);
        this.silenced = silenced;
    }

    private boolean silent() {
        return silenced.getAsBoolean();
    }

    @Override
    public synchronized ServletOutputStream getOutputStream() throws IOException {
        if ( stream == null )
            stream = new Stream();
        return stream;
    }

    /**
     * The wrapped response's own writer (its character encoding and its flush at the end of the
     * request are the container's), or, once silenced, one that writes nowhere.
     */
    @Override
    public PrintWriter getWriter() throws IOException {
        if ( silent() )
            return new PrintWriter(OutputStream.nullOutputStream());
        return super.getWriter();
    }

    @Override public void setStatus(int sc) { if ( !silent() ) super.setStatus(sc); }
    @Override public void sendError(int sc) throws IOException { if ( !silent() ) super.sendError(sc); }
    @Override public void sendError(int sc, String msg) throws IOException { if ( !silent() ) super.sendError(sc, msg); }
    @Override public void sendRedirect(String location) throws IOException { if ( !silent() ) super.sendRedirect(location); }
    @Override public void setHeader(String name, String value) { if ( !silent() ) super.setHeader(name, value); }
    @Override public void addHeader(String name, String value) { if ( !silent() ) super.addHeader(name, value); }
    @Override public void setIntHeader(String name, int value) { if ( !silent() ) super.setIntHeader(name, value); }
    @Override public void addIntHeader(String name, int value) { if ( !silent() ) super.addIntHeader(name, value); }
    @Override public void setDateHeader(String name, long date) { if ( !silent() ) super.setDateHeader(name, date); }
    @Override public void addDateHeader(String name, long date) { if ( !silent() ) super.addDateHeader(name, date); }
    @Override public void setContentType(String type) { if ( !silent() ) super.setContentType(type); }
    @Override public void setContentLength(int len) { if ( !silent() ) super.setContentLength(len); }
    @Override public void setContentLengthLong(long len) { if ( !silent() ) super.setContentLengthLong(len); }
    @Override public void setCharacterEncoding(String charset) { if ( !silent() ) super.setCharacterEncoding(charset); }
    @Override public void setLocale(Locale locale) { if ( !silent() ) super.setLocale(locale); }
    @Override public void setBufferSize(int size) { if ( !silent() ) super.setBufferSize(size); }
    @Override public void flushBuffer() throws IOException { if ( !silent() ) super.flushBuffer(); }
    @Override public void reset() { if ( !silent() ) super.reset(); }
    @Override public void resetBuffer() { if ( !silent() ) super.resetBuffer(); }

    private final class Stream extends ServletOutputStream {
        private ServletOutputStream out() throws IOException {
            return SilenceableResponse.super.getOutputStream();
        }

        @Override
        public void write(int b) throws IOException {
            if ( !silent() )
                out().write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if ( !silent() )
                out().write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if ( !silent() )
                out().flush();
        }

        @Override
        public void close() throws IOException {
            if ( !silent() )
                out().close();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("Asynchronous writes are not supported behind the request body limit");
        }
    }
}
