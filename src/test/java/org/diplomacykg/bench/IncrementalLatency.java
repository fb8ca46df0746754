package org.diplomacykg.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.DatasetLoader;
import org.diplomacykg.store.InferringDatasetGraph;
import org.diplomacykg.store.Store;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;

/**
 * Latency of one committed change with its inferences, at scale: the article's asserted
 * facts copied {@code copies} times with every IRI under id/ renamed to a synthetic one
 * ({@code id/synthetic-copy-N-slug}, in graphs {@code source/synthetic-copy-N}), all in
 * memory. Measures one inserted statement (a dated reaffirmation) and one deleted premise (a
 * meeting's participant, put back after), each its own write transaction. Not a test: run
 * from the project root with {@code java -cp target/test-classes:target/classes:CLASSPATH
 * org.diplomacykg.bench.IncrementalLatency COPIES [ROUNDS]}; see docs/benchmarks.md.
 */
public final class IncrementalLatency {

    public static void main(String... args) {
        int copies = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Materialiser materialiser = Materialiser.standard();
        DatasetGraph dsg = new InferringDatasetGraph(Store.createUnionDataset().asDatasetGraph(), materialiser);
        DataLayout layout = new DataLayout(Path.of("ontology"), Path.of("data"));
        Txn.executeWrite(dsg, () -> DatasetLoader.load(layout, dsg));

        List<Quad> article = Txn.calculateRead(dsg, () -> {
            List<Quad> quads = new ArrayList<>();
            dsg.find().forEachRemaining(q -> {
                if ( !Graphs.Nodes.ONTOLOGY.equals(q.getGraph()) && !Graphs.Nodes.INFERRED.equals(q.getGraph())
                     && !Graphs.Nodes.EXPLANATIONS.equals(q.getGraph()) )
                    quads.add(q);
            });
            return quads;
        });
        long t0 = System.nanoTime();
        Txn.executeWrite(dsg, () -> {
            for ( int i = 0; i < copies; i++ ) {
                Node g = Graphs.Nodes.sourceGraph("synthetic-copy-" + i);
                for ( Quad q : article )
                    dsg.add(g, rename(q.getSubject(), i), q.getPredicate(), rename(q.getObject(), i));
            }
        });
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long[] sizes = Txn.calculateRead(dsg, () -> new long[] {
            count(dsg, null), count(dsg, Graphs.Nodes.INFERRED), count(dsg, Graphs.Nodes.EXPLANATIONS) });
        System.out.printf("copies=%d asserted+ontology=%d inferred=%d explanation triples=%d; load+full materialisation %d ms%n",
                          copies, sizes[0] - sizes[1] - sizes[2], sizes[1], sizes[2], loadMs);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        System.out.printf("heap used after GC: %d MB, %.0f bytes per triple held (all graphs)%n", used >> 20,
                          (double) used / sizes[0]);

        Node position = id("russia-position-on-ukraine", copies / 2);
        Node participant = Txn.calculateRead(dsg, () -> dsg.find(Node.ANY, id("lavrov-rubio-call-2025-10-20", copies / 2),
                                                                  DKG.Nodes.participant, Node.ANY).next().asTriple().getObject());
        Node meeting = id("lavrov-rubio-call-2025-10-20", copies / 2);
        Node g = Graphs.Nodes.sourceGraph("synthetic-copy-" + copies / 2);
        Histogram insert = new Histogram(3);
        Histogram delete = new Histogram(3);
        for ( int r = 0; r < rounds; r++ ) {
            Node statement = NodeFactory.createURI(DKG.ID_BASE + "synthetic-bench-statement-" + r);
            Node date = NodeFactory.createLiteralDT("2025-11-%02dT00:00:00".formatted(1 + r % 28), XSDDatatype.XSDdateTime);
            long s = System.nanoTime();
            Txn.executeWrite(dsg, () -> {
                dsg.add(g, statement, DKG.Nodes.date, date);
                dsg.add(g, statement, DKG.Nodes.reaffirms, position);
            });
            insert.recordValue((System.nanoTime() - s) / 1000);
            s = System.nanoTime();
            Txn.executeWrite(dsg, () -> dsg.delete(g, meeting, DKG.Nodes.participant, participant));
            delete.recordValue((System.nanoTime() - s) / 1000);
            Txn.executeWrite(dsg, () -> {
                dsg.add(g, meeting, DKG.Nodes.participant, participant);
                dsg.delete(g, statement, DKG.Nodes.date, date);
                dsg.delete(g, statement, DKG.Nodes.reaffirms, position);
            });
        }
        report("insert one dated reaffirmation", insert);
        report("delete one participant premise", delete);
    }

    private static void report(String what, Histogram h) {
        System.out.printf("%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d)%n", what,
                          h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                          h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, h.getTotalCount());
    }

    private static long count(DatasetGraph dsg, Node graph) {
        long[] n = { 0 };
        (graph == null ? dsg.find() : dsg.find(graph, Node.ANY, Node.ANY, Node.ANY)).forEachRemaining(q -> n[0]++);
        return n[0];
    }

    private static Node id(String slug, int copy) {
        return NodeFactory.createURI(DKG.ID_BASE + "synthetic-copy-" + copy + "-" + slug);
    }

    private static Node rename(Node n, int copy) {
        if ( n.isURI() && n.getURI().startsWith(DKG.ID_BASE) )
            return id(n.getURI().substring(DKG.ID_BASE.length()), copy);
        if ( n.isBlank() )
            return NodeFactory.createBlankNode(n.getBlankNodeLabel() + "-copy-" + copy);
        return n;
    }

    private IncrementalLatency() {}
}
