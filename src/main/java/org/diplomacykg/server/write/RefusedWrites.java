package org.diplomacykg.server.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.apache.jena.fuseki.servlets.ActionProcessor;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.diplomacykg.store.WriteAuthor;

/**
 * Wraps Fuseki's SPARQL Update or Graph Store processor so that a write refused by the gate or
 * aimed at a derived graph gets its own answer ({@link WriteRefusals}) rather than Fuseki's
 * (a bare 403, or a 500). Fuseki's handlers abort the transaction and rethrow these
 * exceptions (they are {@code OperationDeniedException}s); this catches them on the way out,
 * before anything of the response has been written.
 */
final class RefusedWrites implements ActionProcessor {

    private final ActionProcessor processor;

    RefusedWrites(ActionProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void process(HttpAction action) {
        // The write's transaction runs on this thread: its audit record names the logged-in user.
        WriteAuthor author = WriteAuthor.user(action.getUser(), action.getRequestMethod() + " " + action.getActionURI());
        try {
            WriteAuthor.as(author, () -> processor.process(action));
        } catch (RuntimeException ex) {
            Optional<RuntimeException> refusal = WriteRefusals.refusalIn(ex);
            if ( refusal.isEmpty() )
                throw ex;
            action.log.info("[{}] Write by {} refused: {}", action.id, action.getUser(), firstLine(refusal.get().getMessage()));
            try {
                WriteRefusals.send(action.getRequest(), action.getResponse(), refusal.get());
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
    }

    private static String firstLine(String message) {
        if ( message == null )
            return "";
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
