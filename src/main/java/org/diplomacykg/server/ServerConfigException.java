package org.diplomacykg.server;

/** A server setting is out of range; the message names the setting and the allowed values. */
public class ServerConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ServerConfigException(String message) {
        super(message);
    }
}
