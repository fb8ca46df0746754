package org.diplomacykg.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdInline;
import org.apache.jena.tdb2.store.NodeIdType;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Writes and deletes literals in the form TDB2 gives back, so that a delete deletes.
 * <p>
 * TDB2 stores numbers, dates and booleans inside their node ids ({@link NodeIdInline}) and
 * reads them back in a canonical form. For {@code xsd:decimal} that form is not the one it
 * stored: {@code "5"^^xsd:decimal} is kept as 5 with scale 0 and read back as {@code "5.0"},
 * which encodes as 50 with scale 1, a different id. Jena's delete by pattern (CLEAR GRAPH,
 * DELETE WHERE, a graph's clear) finds each quad and deletes it by the node it read back, so
 * the decimal stayed while the update answered 204 (Jena 5.6.0; {@code TestTdb2InlineLiterals}
 * tells when Jena fixes it). DROP GRAPH alone removed it, by ids.
 * <p>
 * Here every inlined literal is stored in the form it is read back in, which then encodes to
 * the same id: adds, deletes and lookups with a concrete literal use that form, and a delete by
 * pattern removes by node ids, as DROP GRAPH does. Reads are as before: TDB2 already returned
 * the canonical form ({@code "5"} as {@code 5.0}, {@code "1"^^xsd:boolean} as {@code true}).
 * A store written before this class may still hold a decimal in another form: a delete by
 * pattern removes it by ids, and a delete of one quad removes the decimals of its value in
 * every scale.
 * <p>
 * {@link InferringDatasetGraph} wraps its store in this class, and also records the changes
 * of a write in this form, so that a premise deleted in another form than it was written in
 * takes its inferences with it.
 */
public final class CanonicalLiterals extends DatasetGraphWrapper {

    public CanonicalLiterals(DatasetGraph tdb) {
        super(tdb);
    }

    /**
     * The form TDB2 reads {@code node} back in: itself unless it is a literal TDB2 inlines.
     * Inlining the canonical form gives back the canonical form (a fixed point, tested).
     */
    public static Node canonical(Node node) {
        if ( node == null || !node.isLiteral() || !NodeIdInline.hasInlineDatatype(node) )
            return node;
        NodeId id = NodeIdInline.inline(node);
        if ( id == null )
            return node;
        Node read = NodeIdInline.extract(id);
        return read == null ? node : read;
    }

    /** {@code t} with its object in the form TDB2 reads it back in. */
    public static Triple canonical(Triple t) {
        Node o = canonical(t.getObject());
        return o == t.getObject() ? t : Triple.create(t.getSubject(), t.getPredicate(), o);
    }

    private static Quad canonical(Quad quad) {
        Node o = canonical(quad.getObject());
        return o == quad.getObject() ? quad : Quad.create(quad.getGraph(), quad.getSubject(), quad.getPredicate(), o);
    }

    @Override
    public void add(Quad quad) {
        super.add(canonical(quad));
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        super.add(g, s, p, canonical(o));
    }

    /** TDB2 adds a graph triple by triple, past this wrapper: the triples come through it instead. */
    @Override
    public void addGraph(Node graphName, Graph graph) {
        Graph canonical = GraphFactory.createDefaultGraph();
        canonical.getPrefixMapping().setNsPrefixes(graph.getPrefixMapping());
        graph.find().forEachRemaining(t -> canonical.add(t.getSubject(), t.getPredicate(), canonical(t.getObject())));
        super.addGraph(graphName, canonical);
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        Node c = canonical(o);
        super.delete(g, s, p, c);
        // A store written before this class: the form the client names may be the stored one,
        // or, for a decimal, neither that nor the form read back.
        if ( c != o )
            super.delete(g, s, p, o);
        if ( c != null && c.isLiteral() && XSDDatatype.XSDdecimal.equals(c.getLiteralDatatype()) )
            removeDecimalsOfOtherScales(g, s, p, c);
    }

    /**
     * Removes the quads of {@code (g, s, p)} whose object TDB2 holds inline as a decimal of the
     * value of {@code decimal} in another scale ({@code "5"} or {@code "5.00"} for {@code 5.0}),
     * by their node ids: only a store written before this class holds such quads.
     */
    private void removeDecimalsOfOtherScales(Node g, Node s, Node p, Node decimal) {
        DatasetGraphTDB tdb = TDBInternal.isBackedByTDB(get()) ? TDBInternal.getDatasetGraphTDB(get()) : null;
        if ( tdb == null || g == null || !g.isConcrete() || Quad.isUnionGraph(g) || !s.isConcrete() || !p.isConcrete() )
            return;
        boolean triples = Quad.isDefaultGraph(g);
        NodeTupleTable table = triples ? tdb.getTripleTable().getNodeTupleTable() : tdb.getQuadTable().getNodeTupleTable();
        Iterator<Tuple<NodeId>> found = triples ? table.findAsNodeIds(s, p, Node.ANY) : table.findAsNodeIds(g, s, p, Node.ANY);
        List<Tuple<NodeId>> others = new ArrayList<>();
        found.forEachRemaining(tuple -> {
            NodeId object = tuple.get(tuple.len() - 1);
            if ( object.type() == NodeIdType.XSD_DECIMAL && decimal.equals(NodeIdInline.extract(object)) )
                others.add(tuple);
        });
        others.forEach(table.getTupleTable()::delete);
    }

    /**
     * By node ids when the store is TDB2, as {@code DROP GRAPH} deletes: Jena's default finds
     * quads and deletes them by the nodes it read back, which for a non-canonical decimal
     * (from a store written before this class) deletes nothing, and then, by its code
     * ({@code DatasetGraphBase.deleteAny} re-finds until a slice of 1000 is not full), loops for
     * ever once a thousand such quads fill its delete buffer.
     */
    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        DatasetGraphTDB tdb = TDBInternal.isBackedByTDB(get()) ? TDBInternal.getDatasetGraphTDB(get()) : null;
        Node c = canonical(o);
        if ( tdb == null || Quad.isUnionGraph(g) ) {
            super.deleteAny(g, s, p, c);
            return;
        }
        removeAll(tdb, g, s, p, c);
        // A store written before this class: the form the client names may be the stored one.
        if ( c != o )
            removeAll(tdb, g, s, p, o);
    }

    private static void removeAll(DatasetGraphTDB tdb, Node g, Node s, Node p, Node o) {
        boolean anyGraph = g == null || Node.ANY.equals(g);
        s = s == null ? Node.ANY : s;
        p = p == null ? Node.ANY : p;
        o = o == null ? Node.ANY : o;
        if ( anyGraph || Quad.isDefaultGraph(g) )
            tdb.getData().removeAll(s, p, o);
        if ( anyGraph || !Quad.isDefaultGraph(g) )
            tdb.getData().removeAll(anyGraph ? Node.ANY : g, s, p, o);
    }

    @Override
    public Iterator<Quad> find(Quad quad) {
        return super.find(canonical(quad));
    }

    @Override
    public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
        return super.find(g, s, p, canonical(o));
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return super.findNG(g, s, p, canonical(o));
    }

    @Override
    public boolean contains(Quad quad) {
        return super.contains(canonical(quad));
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return super.contains(g, s, p, canonical(o));
    }
}
