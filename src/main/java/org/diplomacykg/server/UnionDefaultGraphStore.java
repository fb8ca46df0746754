package org.diplomacykg.server;

import org.apache.jena.fuseki.servlets.GSP_R;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.diplomacykg.store.FactsDefaultGraph;

/**
 * Graph Store Protocol, read only, where {@code ?default} is the SPARQL default graph: the
 * union of the named graphs but the explanations ({@link FactsDefaultGraph}). That default
 * graph is made for SPARQL queries only; plain GSP would return the stored default graph,
 * which is empty here, and so contradict what a {@code SELECT} over the same endpoint shows.
 */
public final class UnionDefaultGraphStore extends GSP_R {

    @Override
    protected DatasetGraph decideDataset(HttpAction action) {
        DatasetGraph dsg = super.decideDataset(action);
        // A whole-dataset (quads) request keeps the stored layout, so no graph is listed twice.
        if ( isQuads(action) )
            return dsg;
        return withUnionDefault(dsg);
    }

    /** {@code dsg} seen with its SPARQL default graph (the union of the fact graphs) as its default graph, for reads. */
    public static DatasetGraph withUnionDefault(DatasetGraph dsg) {
        return new UnionDefaultView(dsg);
    }

    /** The dataset seen with the union of its fact graphs as its default graph. */
    private static final class UnionDefaultView extends DatasetGraphWrapper {
        UnionDefaultView(DatasetGraph dsg) {
            super(dsg);
        }

        @Override
        public Graph getDefaultGraph() {
            return FactsDefaultGraph.view(getWrapped());
        }
    }
}
