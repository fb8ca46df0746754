package org.diplomacykg.reasoning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.vocab.Graphs;

/**
 * Writes the inferred graph of a full run while the rules are still deriving it: the rules run
 * on a thread of their own, over graphs in memory only, and hand each batch of new
 * conclusions to the thread that holds the write transaction, which adds them to the store
 * (TDB2 ties a transaction to its thread). A conclusion, once inferred, stays inferred to the
 * end of a full run, so it can be written as soon as it is found; which derivation explains
 * it is known only at the end, so the explanations are written after. Writing the inferred
 * triples was about a sixth of a full run at 100k and the rules a quarter: on two cores the
 * one now hides most of the other.
 */
final class InferredWriter {

    /** Sent after the last batch, also when the rules failed; told apart by identity (a batch is never empty). */
    private static final List<Triple> END = Collections.unmodifiableList(new ArrayList<>());

    /**
     * Runs {@code derive}, which puts every triple it infers into {@code inferred} and gives each
     * batch of them to the consumer it is passed, and makes the stored inferred graph of
     * {@code dsg} equal to {@code inferred}. Returns {added, removed}. A failure of either side
     * stops both and is rethrown here, on the caller's thread.
     */
    static int[] whileDeriving(DatasetGraph dsg, Graph inferred, Consumer<Consumer<List<Triple>>> derive) {
        BlockingQueue<List<Triple>> batches = new LinkedBlockingQueue<>();
        // Set when the writing side fails, so that the rules stop rather than run on for nothing.
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        CompletableFuture<Void> rules = CompletableFuture.runAsync(() -> {
            try {
                derive.accept(batch -> {
                    if ( stopped.isDone() )
                        throw new CancellationException("The inferred graph could not be written");
                    batches.add(batch);
                });
            } finally {
                batches.add(END);
            }
        }, InferredWriter::startThread);

        Graph stored = dsg.getGraph(Graphs.Nodes.INFERRED);
        int before;
        try {
            // Counted rather than asked triple by triple: adding a triple held already changes
            // nothing, and asking first took two fifths of writing the inferred graph at 100k.
            before = stored.size();
            for ( List<Triple> batch = batches.take(); batch != END; batch = batches.take() ) {
                for ( Triple t : batch )
                    dsg.add(Graphs.Nodes.INFERRED, t.getSubject(), t.getPredicate(), t.getObject());
            }
            rules.join();
        } catch (InterruptedException ex) {
            stopped.complete(null);
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while writing the inferred graph");
        } catch (CompletionException ex) {
            throw rethrown(ex.getCause());
        } catch (RuntimeException | Error ex) {
            stopped.complete(null);
            throw ex;
        }
        // A first run (a new store, a fill) has nothing to remove: no need to read back what it wrote.
        List<Triple> remove = before == 0 ? List.of() : Iter.toList(stored.find().filterDrop(inferred::contains));
        remove.forEach(t -> dsg.delete(Graphs.Nodes.INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
        int keptFromBefore = before - remove.size();
        return new int[] { inferred.size() - keptFromBefore, remove.size() };
    }

    private static void startThread(Runnable r) {
        Thread t = new Thread(r, "materialiser-rules");
        t.setDaemon(true);
        t.start();
    }

    /** The rules' own exception, as it would have been thrown had they run on this thread. */
    private static RuntimeException rethrown(Throwable cause) {
        if ( cause instanceof Error e )
            throw e;
        if ( cause instanceof RuntimeException e )
            return e;
        return new IllegalStateException(cause);
    }

    private InferredWriter() {}
}
