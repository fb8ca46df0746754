package org.diplomacykg.server.http;

import java.util.regex.Pattern;

import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionProcessor;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.web.HttpSC;
import org.eclipse.jetty.http.HttpException;

/**
 * Wraps a Fuseki processor (query, update, Graph Store) so that the failures a client causes get
 * a 4xx with a message a person can act on, rather than Fuseki's 500 or a Java class name:
 * <ul>
 * <li>a request nested too deeply for the parser, the optimiser or the evaluator to follow
 *     (5,000 nested groups, a chain of 50,000 {@code ||}): 400, saying so. Fuseki answers 500
 *     when the {@link StackOverflowError} comes after parsing, and 400 "StackOverflowError"
 *     when it comes while parsing;</li>
 * <li>a body Jetty cannot read, e.g. a form whose percent-encoding is not UTF-8: Jetty's own
 *     status (400, or 413 for a body over a limit) with its reason, where Fuseki answers 500;</li>
 * <li>a 4xx whose message names a Java exception class (a bad {@code regex()} pattern names
 *     {@code java.util.regex.PatternSyntaxException}): the same status without the class name;</li>
 * <li>an error message with a character outside ASCII (a parse error quoting "café", or the
 *     U+FFFD of a byte that was not UTF-8): the same message with such characters as
 *     {@code \\uXXXX}. Fuseki sets the Content-Length of an error body to its length in
 *     characters and writes it in UTF-8, so that any such character made the answer a 500
 *     with an empty body.</li>
 * </ul>
 * Every other exception passes through unchanged. The stack has unwound by the time a
 * {@link StackOverflowError} gets here, so the thread carries on normally.
 */
public final class ClientErrors implements ActionProcessor {

    /** The message for a request nested too deeply. */
    public static final String TOO_DEEP = "The request is nested too deeply (or has too long a chain of UNION, "
        + "||, &&, +, / or nested brackets) for this server to follow: write it with less nesting, e.g. "
        + "VALUES or IN instead of a long chain of alternatives.";

    /** A Java class name such as {@code java.util.regex.PatternSyntaxException: } in a message. */
    private static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)(?:: ?)?");

    private final ActionProcessor processor;

    public ClientErrors(ActionProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void process(HttpAction action) {
        try {
            processor.process(action);
        } catch (StackOverflowError ex) {
            action.log.warn("[{}] Too deeply nested: {}", action.id, ex.toString());
            ServletOps.errorBadRequest(TOO_DEEP);
        } catch (ActionErrorException ex) {
            throw clientMessage(ex);
        } catch (QueryDeniedException ex) {
            // Fuseki's answer (422 with the message) with the message made safe to send.
            throw new ActionErrorException(HttpSC.UNPROCESSABLE_ENTITY_422, ascii(ex.getMessage() == null ? "Not allowed" : ex.getMessage()), null);
        } catch (RuntimeException ex) {
            if ( ex instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500 )
                ServletOps.error(http.getCode(), "The request could not be read: " + http.getReason()
                    + (http.getCode() == 400 ? " (a form must be percent-encoded UTF-8)" : ""));
            throw ex;
        }
    }

    /** The exception with its message fit for a client: in ASCII and, for a client error, without Java class names. */
    private static ActionErrorException clientMessage(ActionErrorException ex) {
        if ( ex.getMessage() == null )
            return ex;
        String message = ex.getMessage();
        String cleaned = message;
        if ( ex.getRC() >= 400 && ex.getRC() < 500 ) {
            if ( message.strip().equals("StackOverflowError") || hasCause(ex, StackOverflowError.class) )
                return new ActionErrorException(ex.getRC(), TOO_DEEP, null);
            cleaned = JAVA_CLASS.matcher(cleaned).replaceAll("");
        }
        cleaned = ascii(cleaned);
        return cleaned.equals(message) ? ex : new ActionErrorException(ex.getRC(), cleaned, ex.getCause());
    }

    /** The text with every character outside printable ASCII (but line breaks and tabs) as {@code \\uXXXX}. */
    static String ascii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for ( int i = 0; i < text.length(); i++ ) {
            char c = text.charAt(i);
            if ( (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' )
                out.append(c);
            else if ( c == '\r' )
                out.append("\\r");
            else
                out.append(String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for ( Throwable c = t; c != null; c = c.getCause() ) {
            if ( type.isInstance(c) )
                return true;
            if ( c.getCause() == c )
                break;
        }
        return false;
    }
}
