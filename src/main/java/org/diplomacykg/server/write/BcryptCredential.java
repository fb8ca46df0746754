package org.diplomacykg.server.write;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jetty.util.security.Credential;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * A password stored as a bcrypt hash ({@code $2a$12$...}): slow on purpose, about a quarter of a
 * second per check at cost 12. So that a user who sends the right password with every request
 * does not pay that each time, the last password that passed is remembered, as a keyed hash
 * (HMAC-SHA256 under a key drawn when the process starts, never written anywhere), and a
 * request with the same password is let through on that.
 */
final class BcryptCredential extends Credential {

    /** The cost new hashes get: 2^12 rounds. */
    static final int COST = 12;

    /** bcrypt reads no further than this many bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    private static final byte[] PROCESS_KEY = new byte[32];
    static {
        new SecureRandom().nextBytes(PROCESS_KEY);
    }

    private final String hash;
    private volatile byte[] lastVerified;

    BcryptCredential(String hash) {
        this.hash = hash;
    }

    /** A new salted hash of {@code password}, without the {@code BCRYPT:} prefix. */
    static String hash(String password) {
        return BCrypt.hashpw(password, BCrypt.gensalt(COST));
    }

    @Override
    public boolean check(Object credentials) {
        String password = credentials instanceof char[] chars ? new String(chars) : credentials == null ? null : credentials.toString();
        if ( password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES )
            return false;
        byte[] keyed = keyed(password);
        byte[] last = lastVerified;
        if ( last != null && MessageDigest.isEqual(last, keyed) )
            return true;
        boolean ok;
        try {
            ok = BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException malformed) {
            // A hash that is not bcrypt's: no password matches it.
            ok = false;
        }
        if ( ok )
            lastVerified = keyed;
        return ok;
    }

    private static byte[] keyed(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PROCESS_KEY, "HmacSHA256"));
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
        }
    }
}
