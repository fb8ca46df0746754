package org.diplomacykg.cli;

/**
 * The exit codes the commands return, here rather than in {@code Main} so that the commands
 * need not import the class that lists them (which would make a cycle).
 */
public final class ExitCodes {

    /**
     * The data is missing, does not parse or breaks the shapes, a store cannot be opened, or the
     * server cannot start.
     */
    public static final int FAILED = 1;

    private ExitCodes() {}
}
