package org.diplomacykg.server.write;

import java.nio.file.Path;

/**
 * What a server needs to take writes besides its store: the users who may write
 * ({@link PasswordFile}). The gate every write passes before it commits belongs to the store,
 * given when it is built ({@link org.diplomacykg.store.StoreStack#gate}).
 *
 * @param passwordFile the users, checked on construction
 */
public record WriteAccess(Path passwordFile) {

    public WriteAccess {
        PasswordFile.check(passwordFile);
    }
}
