package org.diplomacykg.server.limits;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

import org.eclipse.jetty.io.EofException;

/**
 * A request body as the application reads it: decoded when it came with
 * {@code Content-Encoding: gzip} or {@code deflate}, and counted, so that a body larger than
 * the limit fails the read that crosses it, whatever the {@code Content-Length} said or
 * whether there was one (chunked). A failed read records why ({@link #refusal()}); later reads
 * fail the same way, so that no reader mistakes a cut body for a whole one.
 */
final class CountedBody extends InputStream {

    /** What went wrong with a body, for the answer: its status and message. */
    record Refusal(int status, String message) {}

    /** The exception a read throws once the body is refused; an {@link IOException}, as readers expect. */
    static final class RefusedBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedBodyException(String message) {
            super(message);
        }
    }

    private final InputStream raw;
    private final String encoding;
    private final long limit;
    private InputStream decoded;
    private long count;
    private volatile Refusal refusal;

    /** {@code encoding} is {@code gzip}, {@code x-gzip}, {@code deflate} or null for none. */
    CountedBody(InputStream raw, String encoding, long limit) {
        this.raw = raw;
        this.encoding = encoding;
        this.limit = limit;
    }

    /** Why the body was refused, or null while it has not been. */
    Refusal refusal() {
        return refusal;
    }

    /** Records a refusal found before anything was read (a too large form). */
    void refuse(Refusal why) {
        if ( refusal == null )
            refusal = why;
    }

    static Refusal tooLarge(long limit) {
        return new Refusal(413, tooLargeMessage(limit));
    }

    static String tooLargeMessage(long limit) {
        return "The request body is larger than this server accepts (" + Limits.size(limit) + ", the serve --max-body limit). "
             + "Nothing of it was used. Send less per request: split the update or the upload into several, "
             + "or add large data to a store with the load command.";
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if ( refusal != null )
            throw new RefusedBodyException(refusal.message());
        if ( length == 0 )
            return 0;
        // Read at most one byte past the limit: enough to know the body is over it.
        long room = limit - count + 1;
        int n;
        try {
            n = decoded().read(buffer, offset, (int) Math.min(length, room));
        } catch (RefusedBodyException ex) {
            throw ex;
        } catch (ZipException | EOFException ex) {
            // A client that went away: nothing to answer.
            if ( encoding == null || ex instanceof EofException )
                throw ex;
            // Not a valid gzip or deflate stream: the client's mistake, not the server's.
            refusal = new Refusal(400, "The request body is not valid " + encoding + " data, as its Content-Encoding says it is: "
                                     + ex.getMessage() + ". Send it uncompressed, or compressed whole.");
            throw new RefusedBodyException(refusal.message());
        }
        if ( n < 0 )
            return n;
        count += n;
        if ( count > limit ) {
            refusal = tooLarge(limit);
            throw new RefusedBodyException(refusal.message());
        }
        return n;
    }

    private InputStream decoded() throws IOException {
        if ( decoded == null ) {
            if ( encoding == null )
                decoded = raw;
            else if ( encoding.equals("deflate") )
                decoded = new InflaterInputStream(raw);
            else
                decoded = new GZIPInputStream(raw, 8192);
        }
        return decoded;
    }

    @Override
    public int available() throws IOException {
        return refusal != null || decoded == null ? 0 : decoded.available();
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
