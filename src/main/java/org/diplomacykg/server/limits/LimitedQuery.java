package org.diplomacykg.server.limits;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.RuntimeIOException;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;

/**
 * Fuseki's SPARQL query processor, with the whole result computed before the first byte is
 * sent, so that the status can still say how the query ended:
 * <ul>
 * <li>a query that runs past the timeout is 503 with a message, also a SELECT whose rows had
 *     started to come (Fuseki streams them and so answers 200 with a body cut off by
 *     {@code ## Query cancelled due to timeout ##});</li>
 * <li>a result of more than {@link Limits#maxResults()} rows (SELECT, Jena's JSON queries) or
 *     triples (CONSTRUCT, DESCRIBE) is 422, with a message saying to add {@code LIMIT} or narrow
 *     the query. 422 rather than a 5xx: the server works, this query asks too much of it;
 *     rather than 413, which is about the size of the request.</li>
 * </ul>
 * The rows are held in memory up to the limit, as Fuseki already does for CONSTRUCT and
 * DESCRIBE; serialisation in every format (JSON, XML, CSV, TSV, RDF syntaxes) is Fuseki's.
 */
public final class LimitedQuery extends SPARQL_QueryDataset {

    /** 422 Unprocessable Content. */
    public static final int TOO_MANY_RESULTS = 422;

    private final long maxResults;
    private final Duration timeout;

    /** {@code timeout} is the server's query timeout, named in the message when a query runs past it. */
    public LimitedQuery(long maxResults, Duration timeout) {
        Limits.checkMaxResults(maxResults);
        this.maxResults = maxResults;
        this.timeout = timeout;
    }

    /**
     * As Fuseki's, but a body that cannot be read (over the size limit: the body filter gives
     * the answer) is not logged as a server error with its stack trace.
     */
    @Override
    protected void executeBody(HttpAction action) {
        String queryString = null;
        try {
            queryString = IO.readWholeFileAsUTF8(action.getRequestInputStream());
        } catch (IOException | RuntimeIOException ex) {
            ServletOps.errorBadRequest("The query in the request body could not be read: " + ex.getMessage());
        }
        execute(queryString, action);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query query, String queryStringLog) {
        try {
            if ( query.isSelectType() )
                return new QueryExecResult(rows(queryExec.select()));
            if ( query.isConstructType() ) {
                DatasetGraph result = DatasetGraphFactory.create();
                queryExec.constructDataset(new CappedDataset(result, maxResults));
                return new QueryExecResult(result);
            }
            if ( query.isDescribeType() ) {
                Graph result = GraphFactory.createDefaultGraph();
                queryExec.describe(new CappedGraph(result, maxResults));
                return new QueryExecResult(result);
            }
            if ( query.isJsonType() )
                return new QueryExecResult(jsonItems(queryExec.execJsonItems()));
            // ASK: one boolean.
            return super.executeQuery(action, queryExec, query, queryStringLog);
        } catch (QueryCancelledException ex) {
            action.log.info("[{}] Query timed out after {}", action.id, Limits.seconds(timeout));
            ServletOps.error(503, timedOutMessage(timeout));
            return null;
        } catch (TooManyResultsException ex) {
            queryExec.abort();
            action.log.info("[{}] Query refused: more than {} results", action.id, maxResults);
            ServletOps.error(TOO_MANY_RESULTS, ex.getMessage());
            return null;
        }
    }

    /** The message of a 503 for a query cancelled at the timeout. */
    public static String timedOutMessage(Duration timeout) {
        return "Query timed out: it ran longer than this server allows (" + Limits.seconds(timeout)
             + ", the serve --timeout limit) and was cancelled. Make it do less: add LIMIT, make its patterns more "
             + "selective, and avoid patterns that share no variable (each multiplies the work by the size of the other).";
    }

    private RowSet rows(RowSet rowSet) {
        List<Var> vars = rowSet.getResultVars();
        List<Binding> rows = new ArrayList<>();
        while ( rowSet.hasNext() ) {
            if ( rows.size() >= maxResults )
                throw new TooManyResultsException(maxResults, "rows");
            rows.add(rowSet.next());
        }
        return RowSetStream.create(vars, rows.iterator());
    }

    private Iterator<JsonObject> jsonItems(Iterator<JsonObject> items) {
        List<JsonObject> list = new ArrayList<>();
        while ( items.hasNext() ) {
            if ( list.size() >= maxResults )
                throw new TooManyResultsException(maxResults, "items");
            list.add(items.next());
        }
        return list.iterator();
    }

    /** A result over the limit; thrown while the result is computed, turned into a 422 above. */
    static final class TooManyResultsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyResultsException(long limit, String what) {
            super("The result has more than " + limit + " " + what + ", the most this server sends for one query "
                  + "(the serve --max-results limit). Add LIMIT (with ORDER BY and OFFSET to page through it), "
                  + "or narrow the query.", null, false, false);
        }
    }

    /** A CONSTRUCT's result, refusing its triple (or quad) past the limit. */
    private static final class CappedDataset extends DatasetGraphWrapper {
        private final long limit;
        private long count;

        CappedDataset(DatasetGraph dataset, long limit) {
            super(dataset);
            this.limit = limit;
        }

        @Override
        public void add(Quad quad) {
            if ( !contains(quad) && ++count > limit )
                throw new TooManyResultsException(limit, "triples");
            super.add(quad);
        }

        @Override
        public void add(Node g, Node s, Node p, Node o) {
            add(Quad.create(g, s, p, o));
        }
    }

    /** A DESCRIBE's result, refusing its triple past the limit. */
    private static final class CappedGraph extends GraphWrapper {
        private final long limit;
        private long count;

        CappedGraph(Graph graph, long limit) {
            super(graph);
            this.limit = limit;
        }

        @Override
        public void add(Triple triple) {
            if ( !contains(triple) && ++count > limit )
                throw new TooManyResultsException(limit, "triples");
            super.add(triple);
        }

        @Override
        public void add(Node s, Node p, Node o) {
            add(Triple.create(s, p, o));
        }
    }
}
