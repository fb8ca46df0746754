package org.diplomacykg.bench;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.system.StreamRDF;
import org.diplomacykg.generate.WorldGenerator;

/**
 * Where the bench's data comes from: a world of about {@code targetTriples} asserted triples,
 * streamed as quads in the project's named-graph layout (reference graph, source graphs under
 * {@code Graphs.SOURCE_BASE}), without the ontology, which the bench loads itself.
 */
@FunctionalInterface
public interface WorldSource {

    /**
     * Streams the world into {@code sink} (between its {@code start} and {@code finish}).
     *
     * @return the number of quads sent
     */
    long generate(long targetTriples, long seed, StreamRDF sink);

    /** The world the bench command uses: the input files when some are given, else the synthetic generator. */
    static WorldSource choose(List<Path> inputs) {
        if ( inputs.isEmpty() )
            return (targetTriples, seed, sink) -> WorldGenerator.generate(targetTriples, seed, sink).triples();
        return new InputFilesWorld(inputs);
    }
}
