package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeIdInline;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@link CanonicalLiterals} works around, on plain TDB2, and what it relies on.
 * <p>
 * {@link #plainTdb2KeepsADecimalThatClearGraphAnsweredFor} asserts the defect itself: when it
 * fails after a Jena upgrade, TDB2 deletes non-canonical decimals by itself, and
 * {@code CanonicalLiterals} (wired in {@code InferringDatasetGraph}'s constructor) can go.
 */
class TestTdb2InlineLiterals {

    static final Node G = NodeFactory.createURI("https://example.org/numbers");
    static final Node S = NodeFactory.createURI("https://example.org/s");
    static final Node P = NodeFactory.createURI("https://example.org/p");

    /** One literal of each datatype TDB2 inlines, mostly in a form other than the one it reads back. */
    static final List<String> INLINED = List.of(
        "\"5\"^^xsd:decimal", "\"5.00\"^^xsd:decimal", "\"-0.50\"^^xsd:decimal", "\"0\"^^xsd:decimal",
        "\"1.0e6\"^^xsd:double", "\"1.5E0\"^^xsd:float",
        "\"007\"^^xsd:integer", "\"+7\"^^xsd:long", "\"7\"^^xsd:int", "\"7\"^^xsd:short", "\"7\"^^xsd:byte",
        "\"7\"^^xsd:positiveInteger", "\"-7\"^^xsd:negativeInteger", "\"0\"^^xsd:nonPositiveInteger",
        "\"07\"^^xsd:nonNegativeInteger", "\"7\"^^xsd:unsignedLong", "\"7\"^^xsd:unsignedInt",
        "\"7\"^^xsd:unsignedShort", "\"7\"^^xsd:unsignedByte",
        "\"2025-08-15T00:00:00\"^^xsd:dateTime", "\"2025-08-15T10:00:00.500+00:00\"^^xsd:dateTime",
        "\"2025-08-15T10:00:00Z\"^^xsd:dateTimeStamp", "\"2025-08-15\"^^xsd:date", "\"2025-08-15+02:00\"^^xsd:date",
        "\"1\"^^xsd:boolean", "\"false\"^^xsd:boolean");

    static Node literal(String turtle) {
        return NodeFactoryExtra.parseNode(turtle.replace("xsd:", "http://www.w3.org/2001/XMLSchema#")
                                                .replaceAll("\\^\\^(http[^ ]*)$", "^^<$1>"));
    }

    @TempDir
    Path dir;

    @Test
    void plainTdb2KeepsADecimalThatClearGraphAnsweredFor() {
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(dir.toString());
        Txn.executeWrite(tdb, () -> tdb.add(G, S, P, literal("\"5\"^^xsd:decimal")));
        Txn.executeWrite(tdb, () -> UpdateAction.parseExecute("CLEAR GRAPH <" + G.getURI() + ">", tdb));
        List<Quad> left = Txn.calculateRead(tdb, () -> Iter.toList(tdb.find(G, Node.ANY, Node.ANY, Node.ANY)));
        assertEquals(List.of(Quad.create(G, S, P, literal("\"5.0\"^^xsd:decimal"))), left,
                     "TDB2 deletes \"5\"^^xsd:decimal by pattern now: remove the workaround CanonicalLiterals");
    }

    @Test
    void theCanonicalFormIsTheFormReadBackAndEncodesToItself() {
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(dir.toString());
        for ( String turtle : INLINED ) {
            Node given = literal(turtle);
            assertTrue(NodeIdInline.inline(given) != null, () -> "TDB2 no longer inlines " + turtle);
            Node canonical = CanonicalLiterals.canonical(given);
            assertEquals(canonical, CanonicalLiterals.canonical(canonical), () -> "a fixed point for " + turtle);
            // A subject each: plain TDB2 may not delete what it read back (the defect above).
            Node s = NodeFactory.createURI("https://example.org/s-" + INLINED.indexOf(turtle));
            Txn.executeWrite(tdb, () -> tdb.add(G, s, P, given));
            Node read = Txn.calculateRead(tdb, () -> tdb.find(G, s, P, Node.ANY).next().getObject());
            assertEquals(canonical, read, () -> "read back for " + turtle);
        }
    }

    @Test
    void everyInlinedLiteralIsDeletedThroughTheWrapper() {
        DatasetGraph dsg = new CanonicalLiterals(DatabaseMgr.connectDatasetGraph(dir.toString()));
        for ( String turtle : INLINED ) {
            Node given = literal(turtle);
            Txn.executeWrite(dsg, () -> dsg.add(G, S, P, given));
            // What CLEAR GRAPH reaches through InferringDatasetGraph's graph view.
            Txn.executeWrite(dsg, () -> dsg.deleteAny(G, Node.ANY, Node.ANY, Node.ANY));
            assertTrue(Txn.calculateRead(dsg, () -> dsg.isEmpty()), () -> "a delete by pattern left " + turtle);

            Txn.executeWrite(dsg, () -> dsg.add(G, S, P, given));
            Txn.executeWrite(dsg, () -> UpdateAction.parseExecute("DELETE WHERE { GRAPH ?g { ?s ?p ?o } }", dsg));
            assertTrue(Txn.calculateRead(dsg, () -> dsg.isEmpty()), () -> "DELETE WHERE left " + turtle);

            Txn.executeWrite(dsg, () -> dsg.add(G, S, P, given));
            Node read = Txn.calculateRead(dsg, () -> dsg.find(G, S, P, Node.ANY).next().getObject());
            Txn.executeWrite(dsg, () -> dsg.delete(G, S, P, read));
            assertTrue(Txn.calculateRead(dsg, () -> dsg.isEmpty()), () -> "a delete of the form read back left " + turtle);

            Txn.executeWrite(dsg, () -> dsg.add(G, S, P, given));
            Txn.executeWrite(dsg, () -> dsg.delete(G, S, P, given));
            assertTrue(Txn.calculateRead(dsg, () -> dsg.isEmpty()), () -> "a delete of the form written left " + turtle);
        }
    }

    /** Decimals written past the wrapper, as a store filled before it was: a delete of the form read back removes them. */
    @Test
    void decimalsStoredBeforeTheWrapperAreDeletedByTheFormReadBack() {
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(dir.toString());
        Txn.executeWrite(tdb, () -> {
            tdb.add(G, S, P, literal("\"5\"^^xsd:decimal"));
            tdb.add(G, S, P, literal("\"5.00\"^^xsd:decimal"));
            tdb.add(G, S, P, literal("\"6\"^^xsd:decimal"));
            tdb.add(Quad.defaultGraphIRI, S, P, literal("\"5\"^^xsd:decimal"));
        });
        DatasetGraph dsg = new CanonicalLiterals(tdb);
        Node readBack = literal("\"5.0\"^^xsd:decimal");
        Txn.executeWrite(dsg, () -> dsg.delete(G, S, P, readBack));
        Txn.executeWrite(dsg, () -> dsg.delete(Quad.defaultGraphIRI, S, P, readBack));
        assertEquals(List.of(Quad.create(G, S, P, literal("\"6.0\"^^xsd:decimal"))),
                     Txn.calculateRead(dsg, () -> Iter.toList(dsg.find())));
    }

    /** A decimal written past the wrapper, as a store filled before it was: a delete by pattern still removes it. */
    @Test
    void aDecimalStoredBeforeTheWrapperIsDeletedByPattern() {
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(dir.toString());
        Txn.executeWrite(tdb, () -> {
            for ( int i = 0; i < 1500; i++ )
                tdb.add(G, NodeFactory.createURI("https://example.org/s" + i), P, literal("\"" + i + "\"^^xsd:decimal"));
        });
        DatasetGraph dsg = new CanonicalLiterals(tdb);
        Txn.executeWrite(dsg, () -> dsg.deleteAny(G, Node.ANY, Node.ANY, Node.ANY));
        assertTrue(Txn.calculateRead(dsg, () -> dsg.isEmpty()));
    }
}
