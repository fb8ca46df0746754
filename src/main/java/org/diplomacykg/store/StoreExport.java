package org.diplomacykg.store;

import java.io.OutputStream;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * Writes a store, or one of its graphs, as quads, streaming from one read transaction: the
 * output is one consistent state, and the store is never copied into memory. An export holds
 * every named graph, the inferred and explanations graphs included (for readers of the dump);
 * {@link StoreLoader#restore} rebuilds a store from its asserted graphs and derives the rest.
 */
public final class StoreExport {

    /** The quad syntaxes an export is written in; both stream. */
    public enum Format {
        /** TriG, one block per graph. */
        TRIG(RDFFormat.TRIG_BLOCKS),
        /** N-Quads, one quad per line. */
        NQUADS(RDFFormat.NQUADS);

        private final RDFFormat rdfFormat;

        Format(RDFFormat rdfFormat) {
            this.rdfFormat = rdfFormat;
        }
    }

    /**
     * Writes the whole store ({@code graph} null: the stored default graph, empty as a rule,
     * then every named graph in IRI order) or the one named graph; returns the number of quads.
     *
     * @throws LoadException if the store has no graph of that name
     */
    public static long write(DatasetGraph dsg, Node graph, Format format, OutputStream out) {
        return Txn.calculateRead(dsg, () -> {
            List<Node> graphs = Iter.toList(dsg.listGraphNodes());
            graphs.sort(Comparator.comparing(Node::getURI));
            if ( graph != null && !graphs.contains(graph) )
                throw new LoadException("The store has no graph <" + graph.getURI() + ">; it has "
                    + graphs.stream().map(g -> "<" + g.getURI() + ">").collect(Collectors.joining(", ")));
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, format.rdfFormat);
            writer.start();
            StreamRDFOps.sendPrefixesToStream(dsg.prefixes(), writer);
            long count = 0;
            // Graph by graph, so that TriG writes each graph as one block.
            if ( graph == null )
                count += send(dsg.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY), writer);
            for ( Node g : graph == null ? graphs : List.of(graph) )
                count += send(dsg.find(g, Node.ANY, Node.ANY, Node.ANY), writer);
            writer.finish();
            return count;
        });
    }

    private static long send(Iterator<Quad> quads, StreamRDF writer) {
        long count = 0;
        try {
            while ( quads.hasNext() ) {
                writer.quad(quads.next());
                count++;
            }
        } finally {
            Iter.close(quads);
        }
        return count;
    }

    private StoreExport() {}
}
