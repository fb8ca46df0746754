package org.diplomacykg.server.security;

import org.diplomacykg.server.write.PasswordFile;

/**
 * How a server protects itself and its users, beside who may write
 * ({@link org.diplomacykg.server.write.WriteAccess}).
 *
 * @param tls            HTTPS on the server's port; null for plain HTTP
 * @param readers        the users who may only read, which makes every read need a login; null for public reads
 * @param loginLimits    how fast passwords may be guessed; null for {@link LoginLimits#DEFAULTS}
 * @param trustForwarded whether to take the client's address and scheme from {@code Forwarded} and
 *                       {@code X-Forwarded-*} headers: only behind a proxy that sets them, since
 *                       anyone else could forge them
 */
public record Security(Tls tls, PasswordFile readers, LoginLimits loginLimits, boolean trustForwarded) {

    /** Plain HTTP, public reads, the default login limits. */
    public static final Security DEFAULTS = new Security(null, null, null, false);

    public Security {
        if ( loginLimits == null )
            loginLimits = LoginLimits.DEFAULTS;
    }

}
