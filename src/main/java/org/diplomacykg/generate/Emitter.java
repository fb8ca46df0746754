package org.diplomacykg.generate;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/** Sends quads to the sink and counts them: the count is what the generator sizes the world by. */
final class Emitter {

    private final StreamRDF sink;
    private long count;

    Emitter(StreamRDF sink) {
        this.sink = sink;
    }

    void quad(Node graph, Node s, Node p, Node o) {
        sink.quad(Quad.create(graph, s, p, o));
        count++;
    }

    void quad(Quad quad) {
        sink.quad(quad);
        count++;
    }

    long count() {
        return count;
    }
}
