package org.diplomacykg.store;

import java.time.Duration;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes triples and quads on and counts them, logging a line every so many, so that a long
 * load shows it is moving.
 */
final class ProgressCounter extends StreamRDFWrapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressCounter.class);

    /** How often a line is logged, in triples. */
    static final long EVERY = 100_000;

    private final String what;
    private final long every;
    private final long start = System.nanoTime();
    private long count;

    ProgressCounter(StreamRDF other, String what, long every) {
        super(other);
        this.what = what;
        this.every = every;
    }

    @Override
    public void triple(Triple triple) {
        super.triple(triple);
        tick();
    }

    @Override
    public void quad(Quad quad) {
        super.quad(quad);
        tick();
    }

    /** How many triples and quads have passed. */
    long count() {
        return count;
    }

    private void tick() {
        if ( ++count % every == 0 )
            LOG.info("{}: {} triples parsed ({} s)", what, count,
                     Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }
}
