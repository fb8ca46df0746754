package org.diplomacykg.server.write;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.FusekiConfigException;
import org.apache.jena.fuseki.server.Validators;
import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.GraphTarget;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.server.UnionDefaultGraphStore;

/**
 * Graph Store Protocol, read-write, for {@code /kg/data}. Two differences from Fuseki's:
 * <ul>
 * <li>reads of {@code ?default} give the union of the named graphs, as {@code /kg/get} does;</li>
 * <li>a {@code DELETE} whose commit fails is reported: Fuseki's {@code DELETE} aborts on any
 *     exception and still answers 204, so a delete the gate refused would look done;</li>
 * <li>a {@code PUT} without {@code ?graph=} (replace the whole dataset, ontology and every
 *     article with it) is refused: it is what a forgotten {@code ?graph=} looks like, and
 *     {@code DROP ALL} then {@code POST} says it on purpose;</li>
 * <li>a document is parsed whole, strictly and without fetching anything, before the write
 *     transaction starts ({@link UploadedDocument}): a body that is not UTF-8, a JSON-LD
 *     {@code @context} naming an address, or quads sent to one graph are refused (400, 415)
 *     where Fuseki would store U+FFFD, fetch the context, or drop the quads and answer 200.</li>
 * </ul>
 */
final class GatedGraphStore extends GSP_RW {

    @Override
    protected DatasetGraph decideDataset(HttpAction action) {
        DatasetGraph dsg = super.decideDataset(action);
        if ( isRead(action) && !isQuads(action) )
            return UnionDefaultGraphStore.withUnionDefault(dsg);
        return dsg;
    }

    private static boolean isRead(HttpAction action) {
        String method = action.getRequestMethod();
        return "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
    }

    @Override
    protected void execPutQuads(HttpAction action) {
        action.setResponseHeader("Allow", "GET,HEAD,OPTIONS,POST");
        ServletOps.errorMethodNotAllowed("PUT", "PUT on the whole dataset would replace the ontology and every "
            + "article: PUT one graph with ?graph=IRI, or POST quads (TriG, N-Quads) to add them");
    }

    @Override
    protected void execPutGSP(HttpAction action) {
        intoGraph(action, true);
    }

    @Override
    protected void execPostGSP(HttpAction action) {
        intoGraph(action, false);
    }

    @Override
    protected void execPostQuads(HttpAction action) {
        DatasetGraph parsed = UploadedDocument.parse(action);
        long triples = parsed.getDefaultGraph().size();
        long quads = parsed.stream().filter(q -> !q.isDefaultGraph()).count();
        action.beginWrite();
        try {
            DatasetGraph dsg = decideDataset(action);
            parsed.find().forEachRemaining(dsg::add);
            action.commit();
        } catch (RuntimeException ex) {
            action.abortSilent();
            throw ex;
        } finally {
            action.endWrite();
        }
        respond(action, false, triples, quads);
    }

    /** PUT (replace) or POST (add) one graph, {@code ?graph=IRI} or {@code ?default}, with a document of triples. */
    private void intoGraph(HttpAction action, boolean replace) {
        DatasetGraph parsed = UploadedDocument.parse(action);
        if ( parsed.listGraphNodes().hasNext() )
            ServletOps.error(415, "The document names graphs (it holds quads); " + action.getRequestMethod()
                + " to ?graph= takes the triples of one graph (Turtle, N-Triples, JSON-LD, RDF/XML). "
                + "POST quads (TriG, N-Quads) to /kg/data without ?graph= to add them to the graphs they name.");
        Graph triples = parsed.getDefaultGraph();
        boolean existed;
        action.beginWrite();
        try {
            DatasetGraph dsg = decideDataset(action);
            GraphTarget target = GraphTarget.determineTargetGSP(dsg, action);
            if ( target.isUnion() )
                ServletOps.errorBadRequest("Can't load into the union graph");
            if ( !target.isDefault() && target.graphName() != null && target.graphName().isURI() ) {
                try {
                    Validators.graphName(target.graphName().getURI());
                } catch (FusekiConfigException ex) {
                    ServletOps.errorBadRequest("Bad graph IRI: " + target.graphName().getURI());
                }
            }
            existed = target.exists();
            if ( replace && existed )
                clearGraph(target);
            Graph graph = target.graph();
            triples.find().forEachRemaining(graph::add);
            action.commit();
        } catch (RuntimeException ex) {
            action.abortSilent();
            throw ex;
        } finally {
            action.endWrite();
        }
        respond(action, !existed, triples.size(), 0);
    }

    /** 201 when the graph is new, else 200, with Fuseki's JSON summary of what was read. */
    private static void respond(HttpAction action, boolean created, long triples, long quads) {
        if ( created )
            ServletOps.successCreated(action);
        else
            ServletOps.success(action);
        JsonObject summary = new JsonObject();
        summary.put("count", triples + quads);
        summary.put("tripleCount", triples);
        summary.put("quadCount", quads);
        ServletOps.sendJson(action, summary);
    }

    /** As Fuseki's, but every failure is rethrown after the abort, for {@link RefusedWrites} or Fuseki to answer. */
    @Override
    protected void execDeleteGSP(HttpAction action) {
        action.beginWrite();
        try {
            DatasetGraph dsg = decideDataset(action);
            GraphTarget target = GraphTarget.determineTargetGSP(dsg, action);
            if ( target.isUnion() )
                ServletOps.errorBadRequest("Can't delete the union graph");
            if ( !target.exists() )
                ServletOps.errorNotFound("No such graph: " + target.label());
            deleteGraph(dsg, action);
            action.commit();
        } catch (RuntimeException ex) {
            action.abortSilent();
            throw ex;
        } finally {
            action.endWrite();
        }
        ServletOps.successNoContent(action);
    }
}
