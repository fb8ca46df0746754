package org.diplomacykg.server.write;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.jena.fuseki.servlets.ServletOps;

/**
 * Strict UTF-8 for request bodies. Java's and Jena's readers replace each byte that is not UTF-8
 * with U+FFFD and carry on, so a Latin-1 "café" would be stored as "caf\\uFFFD"; a write must
 * rather be refused, saying where.
 */
final class Utf8 {

    /** The text of {@code body}; a 400 (Fuseki's {@code ActionErrorException}) if it is not UTF-8. */
    static String require(byte[] body, String what) {
        try {
            return decode(body);
        } catch (CharacterCodingException ex) {
            ServletOps.errorBadRequest(what + " is not UTF-8: " + where(body) + ". Send it encoded as UTF-8.");
            return null;
        }
    }

    /** The text of {@code body}, or {@link CharacterCodingException} if it is not UTF-8. */
    static String decode(byte[] body) throws CharacterCodingException {
        return newDecoder().decode(ByteBuffer.wrap(body)).toString();
    }

    /** Where the first byte that is not UTF-8 is, as "line L, byte B (0xNN)". */
    static String where(byte[] body) {
        CharsetDecoder decoder = newDecoder();
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length + 1);
        decoder.decode(in, out, true);
        int offset = in.position();
        int line = 1;
        for ( int i = 0; i < offset; i++ )
            if ( body[i] == '\n' )
                line++;
        String bad = offset < body.length ? String.format(" (0x%02X)", body[offset] & 0xFF) : "";
        return "line " + line + ", byte " + (offset + 1) + bad;
    }

    private static CharsetDecoder newDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private Utf8() {}
}
