package org.diplomacykg.server.limits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as the servlets behind {@link BodyLimitFilter} see it: its body is a
 * {@link CountedBody}. A body sent with {@code Content-Encoding: gzip} (or {@code deflate}) is
 * decoded here, so that the limit applies to what the server has to hold, not to the compressed
 * bytes; the request then looks as if it came uncompressed (no {@code Content-Encoding}, no
 * {@code Content-Length}), so nothing behind decodes it twice.
 */
final class LimitedRequest extends HttpServletRequestWrapper {

    private static final String CONTENT_ENCODING = "Content-Encoding";
    private static final String CONTENT_LENGTH = "Content-Length";

    private final long limit;
    /** {@code gzip}, {@code deflate} or null: the coding this wrapper decodes. */
    private final String decoding;
    private CountedBody body;
    private ServletInputStream stream;
    private BufferedReader reader;

    LimitedRequest(HttpServletRequest request, long limit) {
        super(request);
        this.limit = limit;
        this.decoding = decodable(request.getHeader(CONTENT_ENCODING));
    }

    /** The body, once read from; null before. */
    CountedBody body() {
        return body;
    }

    /** Creates the body without reading it, so a refusal found before reading can be recorded. */
    CountedBody bodyForRefusal() throws IOException {
        getInputStream();
        return body;
    }

    private static String decodable(String encoding) {
        if ( encoding == null )
            return null;
        String coding = encoding.trim().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "gzip", "x-gzip" -> "gzip";
            case "deflate" -> "deflate";
            default -> null;
        };
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
        if ( stream == null ) {
            body = new CountedBody(super.getInputStream(), decoding, limit);
            stream = new Stream(body);
        }
        return stream;
    }

    @Override
    public synchronized BufferedReader getReader() throws IOException {
        if ( reader == null ) {
            String name = getCharacterEncoding();
            Charset charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
    }

    // ---- A decoded body has no encoding and no known length.

    private boolean hidden(String name) {
        return decoding != null && (CONTENT_ENCODING.equalsIgnoreCase(name) || CONTENT_LENGTH.equalsIgnoreCase(name));
    }

    @Override
    public String getHeader(String name) {
        return hidden(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        if ( decoding == null )
            return super.getHeaderNames();
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream().filter(n -> !hidden(n)).toList());
    }

    @Override
    public long getDateHeader(String name) {
        return hidden(name) ? -1 : super.getDateHeader(name);
    }

    @Override
    public int getIntHeader(String name) {
        return hidden(name) ? -1 : super.getIntHeader(name);
    }

    @Override
    public int getContentLength() {
        return decoding != null ? -1 : super.getContentLength();
    }

    @Override
    public long getContentLengthLong() {
        return decoding != null ? -1 : super.getContentLengthLong();
    }

    /** Blocking reads only: every reader behind this filter (Fuseki, Commons FileUpload, the servlets) blocks. */
    private static final class Stream extends ServletInputStream {
        private final CountedBody body;
        private boolean finished;

        Stream(CountedBody body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            finished = b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            finished = n < 0;
            return n;
        }

        @Override
        public int available() throws IOException {
            return body.available();
        }

        @Override
        public boolean isFinished() {
            return finished;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new IllegalStateException("Asynchronous reads are not supported behind the request body limit");
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
