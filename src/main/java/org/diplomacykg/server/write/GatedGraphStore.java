package org.diplomacykg.server.write;

import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.GraphTarget;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
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
 *     {@code DROP ALL} then {@code POST} says it on purpose.</li>
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
