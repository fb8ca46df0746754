package org.diplomacykg.store;

/**
 * The data could not be loaded: a file or directory is missing, a file does not parse,
 * or (see {@link ShaclViolationException}) the data breaks the shapes. The message is
 * meant for the person running the command: it names the path and what to do.
 */
public class LoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LoadException(String message) {
        super(message);
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
