package org.diplomacykg.bench;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.system.StreamRDF;

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

    /**
     * The world the bench command uses: the input files when some are given. The one place to
     * wire in the synthetic generator: return
     * {@code inputs.isEmpty() ? new WorldGenerator()::generate : new InputFilesWorld(inputs)}.
     *
     * @throws IllegalArgumentException when no input is given and no generator is available
     */
    static WorldSource choose(List<Path> inputs) {
        if ( inputs.isEmpty() )
            throw new IllegalArgumentException("no world to benchmark: give --input FILE... (N-Quads or TriG)");
        return new InputFilesWorld(inputs);
    }
}
