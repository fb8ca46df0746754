package org.diplomacykg.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;

/**
 * Tells a {@link RDFChanges} of every quad a write adds or deletes, when one is set; passes
 * everything straight through otherwise. It sits between {@link InferringDatasetGraph} and
 * {@link CanonicalLiterals}, so it sees the materialiser's and the audit's writes as well as
 * the client's, and the literals in the form they are stored in. Only changes that change
 * the store are told (an add of a quad already there is not), so replaying them on a copy
 * of the store gives the same quads.
 * <p>
 * Recording is set and cleared by the writer's thread inside its transaction; readers never
 * write, so they never look at it.
 */
final class RecordedChanges extends DatasetGraphWrapper {

    private RDFChanges recorder;

    RecordedChanges(DatasetGraph canonical) {
        super(canonical);
    }

    /** Starts (non-null) or stops (null) recording. */
    void record(RDFChanges recorder) {
        this.recorder = recorder;
    }

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        if ( recorder != null ) {
            g = g == null ? Quad.defaultGraphIRI : g;
            o = CanonicalLiterals.canonical(o);
            if ( !get().contains(g, s, p, o) )
                recorder.add(g, s, p, o);
        }
        get().add(g, s, p, o);
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if ( recorder != null && (g == null || !g.isConcrete() || !s.isConcrete() || !p.isConcrete() || !o.isConcrete()) ) {
            deleteAny(g, s, p, o);
            return;
        }
        if ( recorder != null ) {
            o = CanonicalLiterals.canonical(o);
            if ( get().contains(g, s, p, o) )
                recorder.delete(g, s, p, o);
        }
        get().delete(g, s, p, o);
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        if ( recorder != null ) {
            // What the pattern matches, told quad by quad, then removed as the store removes a pattern.
            List<Quad> matches = new ArrayList<>();
            Iterator<Quad> iter = get().find(g, s, p, o);
            try {
                iter.forEachRemaining(matches::add);
            } finally {
                Iter.close(iter);
            }
            matches.forEach(q -> recorder.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
        }
        get().deleteAny(g, s, p, o);
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        if ( recorder == null ) {
            get().addGraph(graphName, graph);
            return;
        }
        // A graph added replaces one of the same name: as deletes and adds, so that each is told.
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
        graph.find().forEachRemaining(t -> add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    @Override
    public void removeGraph(Node graphName) {
        if ( recorder != null )
            deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
        get().removeGraph(graphName);
    }

    @Override
    public void clear() {
        if ( recorder != null )
            deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        get().clear();
    }
}
