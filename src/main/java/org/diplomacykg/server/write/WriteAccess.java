package org.diplomacykg.server.write;

import java.nio.file.Path;
import java.util.Objects;

import org.diplomacykg.store.CommitGate;

/**
 * What a server needs to take writes: the users who may write ({@link PasswordFile}) and the
 * gate every write must pass before it commits (usually a {@link org.diplomacykg.store.WriteGate}).
 *
 * @param passwordFile the users, checked on construction
 * @param gate         the check each write transaction must pass
 */
public record WriteAccess(Path passwordFile, CommitGate gate) {

    public WriteAccess {
        PasswordFile.check(passwordFile);
        Objects.requireNonNull(gate, "gate");
    }
}
