package org.diplomacykg.server.limits;

import static org.apache.jena.fuseki.servlets.SPARQLProtocol.messageForException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;
import org.apache.jena.irix.IRIxResolver;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.shared.OperationDeniedException;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.UpdateExec;
import org.apache.jena.sparql.modify.UsingList;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.update.UpdateException;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * Fuseki's SPARQL Update processor, with a time limit. The request is read and parsed whole
 * first (its size is bounded by the request body limit), then run in one write transaction; if it is
 * still running when the timeout fires, its query parts are cancelled, the transaction is
 * aborted (nothing of it is kept, and the inferences stay those of the last commit) and the
 * answer is 503 with a message. An update that finishes its operations after the timeout is
 * refused the same way, before its commit; the checks at commit (the write gate, the
 * inferences) are not interrupted.
 * <p>
 * Jena's own {@code ARQ.updateTimeout} is not used: it bounds only the evaluation of each
 * operation's {@code WHERE}, and its failure is Fuseki's bare "Query timed out"; the timer here
 * covers the whole request up to its commit and says what happened.
 * <p>
 * Like queries, updates may not fetch what a client names: {@code SERVICE} in an update's
 * {@code WHERE} is refused (422, as for a query) and so is {@code LOAD} (422).
 */
public final class LimitedUpdate extends SPARQL_Update {

    private static final String BASE = Fuseki.BaseParserSPARQL;
    private static final IRIxResolver RESOLVER = IRIxResolver.create().base(BASE).resolve(true).allowRelative(false).build();

    /** One daemon thread rings for every update's timeout. */
    private static final ScheduledExecutorService ALARMS = alarms();

    private final Duration timeout;

    public LimitedUpdate(Duration timeout) {
        Limits.checkUpdateTimeout(timeout);
        this.timeout = timeout;
    }

    private static ScheduledExecutorService alarms() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = Executors.defaultThreadFactory().newThread(task);
            thread.setName("update-timeout");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** The message of a 503 for an update cancelled at the timeout. */
    public static String timedOutMessage(Duration timeout) {
        return "Update timed out: it ran longer than this server allows (" + Limits.seconds(timeout)
             + ", the serve --update-timeout limit) and was cancelled; nothing of it was kept. Make its WHERE patterns "
             + "more selective, or split it into smaller updates.";
    }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        UpdateRequest request = parse(action, input);
        if ( request.getOperations().stream().anyMatch(UpdateLoad.class::isInstance) )
            ServletOps.error(422, "LOAD is refused: this server never fetches an address a client names. "
                                + "Send the data itself, e.g. PUT or POST it to /kg/data?graph=IRI (Graph Store Protocol).");

        AtomicBoolean timedOut = new AtomicBoolean(false);
        action.beginWrite();
        ScheduledFuture<?> alarm = null;
        try {
            UpdateExec exec = UpdateExec.dataset(action.getActiveDSG())
                .update(request)
                .set(ARQ.httpServiceAllowed, false)
                .build();
            alarm = ALARMS.schedule(() -> {
                timedOut.set(true);
                exec.abort();
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            exec.execute();
            alarm.cancel(false);
            if ( timedOut.get() )
                throw new QueryCancelledException();
            action.commit();
        } catch (QueryCancelledException ex) {
            action.abortSilent();
            if ( !timedOut.get() )
                throw ex;
            action.log.info("[{}] Update timed out after {}", action.id, Limits.seconds(timeout));
            ServletOps.error(503, timedOutMessage(timeout));
        } catch (OperationDeniedException ex) {
            // Refused writes (the gate, derived graphs) and SERVICE: answered further out.
            action.abortSilent();
            throw ex;
        } catch (UpdateException ex) {
            // The request asks for something the data does not allow (a graph that exists, or does not).
            action.abortSilent();
            ServletOps.errorBadRequest(ex.getMessage());
        } catch (QueryParseException | QueryBuildException | QueryExceptionHTTP ex) {
            action.abortSilent();
            ServletOps.errorBadRequest(messageForException(ex));
        } catch (RuntimeException | Error ex) {
            action.abortSilent();
            if ( timedOut.get() ) {
                action.log.info("[{}] Update timed out after {}", action.id, Limits.seconds(timeout));
                ServletOps.error(503, timedOutMessage(timeout));
            }
            throw ex;
        } finally {
            if ( alarm != null )
                alarm.cancel(false);
            action.endWrite();
        }
    }

    /**
     * Reads the whole body, then parses it. Not one step: the SPARQL parser takes a failed read
     * for the end of the input, so a body cut off at the size limit would parse, and run, as
     * the update it begins with.
     */
    private static UpdateRequest parse(HttpAction action, InputStream input) {
        UsingList usingList = usingList(action.getRequest());
        byte[] body = null;
        try {
            body = input.readAllBytes();
        } catch (IOException ex) {
            // Over the size limit (the body filter gives the answer), or the client left.
            ServletOps.errorBadRequest("The update in the request body could not be read: " + ex.getMessage());
        }
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
        } catch (java.nio.charset.CharacterCodingException ex) {
            ServletOps.errorBadRequest("The update is not UTF-8: send it encoded as UTF-8.");
        }
        try {
            return UpdateFactory.read(usingList, new ByteArrayInputStream(body), BASE, Syntax.syntaxARQ);
        } catch (UpdateException ex) {
            ServletOps.errorBadRequest(ex.getMessage());
        } catch (QueryParseException ex) {
            ServletOps.errorBadRequest(messageForException(ex));
        }
        throw new IllegalStateException("not reached");
    }

    /** The {@code using-graph-uri} and {@code using-named-graph-uri} parameters, as Fuseki reads them. */
    private static UsingList usingList(HttpServletRequest request) {
        UsingList using = new UsingList();
        String[] graphs = request.getParameterValues(HttpNames.paramUsingGraphURI);
        String[] named = request.getParameterValues(HttpNames.paramUsingNamedGraphURI);
        if ( graphs != null ) {
            for ( String iri : graphs )
                using.addUsing(node(iri));
        }
        if ( named != null ) {
            for ( String iri : named )
                using.addUsingNamed(node(iri));
        }
        return using;
    }

    private static Node node(String iri) {
        try {
            IRIx resolved = RESOLVER.resolve(iri);
            return NodeFactory.createURI(resolved.str());
        } catch (RuntimeException ex) {
            ServletOps.errorBadRequest("SPARQL Update: bad IRI: " + iri);
            return null;
        }
    }
}
