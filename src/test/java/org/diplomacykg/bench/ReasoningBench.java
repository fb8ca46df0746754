package org.diplomacykg.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.update.UpdateAction;
import org.diplomacykg.reasoning.MaterialisationReport;
import org.diplomacykg.reasoning.Materialiser;
import org.diplomacykg.store.DataLayout;
import org.diplomacykg.store.DatasetLoader;
import org.diplomacykg.store.InferringDatasetGraph;
import org.diplomacykg.store.Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reasoners on the article data (ontology/ and data/, run from the project root):
 * a full materialisation, and the commit of one update that waits for its inferences.
 * Sample time, so JMH reports percentiles. How to run: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReasoningBench {

    private static final String REVISION = """
        PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
        PREFIX id:  <https://w3id.org/diplomacy-kg/id/>
        INSERT DATA { GRAPH <https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10> {
          id:statement-bench-revision dkg:revises id:russia-position-on-ukraine ;
              dkg:date "2025-09-10T00:00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime> } }""";
    private static final String UNDO = """
        DELETE WHERE { GRAPH <https://w3id.org/diplomacy-kg/graph/source/lavrov-rubio-2025-10> {
          <https://w3id.org/diplomacy-kg/id/statement-bench-revision> ?p ?o } }""";

    private DatasetGraph base;
    private Materialiser materialiser;
    private DatasetGraph dataset;
    /** The same data in a plain store, for the cost of an update without reasoning. */
    private DatasetGraph plain;

    @Setup(Level.Trial)
    public void load() {
        base = Store.createUnionDataset().asDatasetGraph();
        materialiser = Materialiser.standard();
        dataset = new InferringDatasetGraph(base, materialiser);
        DataLayout layout = new DataLayout(Path.of("ontology"), Path.of("data"));
        Txn.executeWrite(dataset, () -> DatasetLoader.load(layout, dataset));
        plain = Store.createUnionDataset().asDatasetGraph();
        Txn.executeWrite(plain, () -> DatasetLoader.load(layout, plain));
    }

    /** Undo the last revision, outside the measured time. */
    @Setup(Level.Invocation)
    public void undo() {
        Txn.executeWrite(dataset, () -> UpdateAction.parseExecute(UNDO, dataset));
        Txn.executeWrite(plain, () -> UpdateAction.parseExecute(UNDO, plain));
    }

    /** Everything from scratch, in a transaction that is then aborted so every run starts alike. */
    @Benchmark
    public MaterialisationReport materialiseArticle() {
        base.begin(org.apache.jena.query.ReadWrite.WRITE);
        try {
            return materialiser.materialiseAll(base);
        } finally {
            base.abort();
            base.end();
            materialiser.invalidate();
        }
    }

    /** The same update on a store without reasoners: the baseline the inferences add to. */
    @Benchmark
    public void updateWithoutReasoning() {
        Txn.executeWrite(plain, () -> UpdateAction.parseExecute(REVISION, plain));
    }

    /** One SPARQL Update (a dated revision) committed together with its consequences. */
    @Benchmark
    public void updateWaitsForItsInferences() {
        Txn.executeWrite(dataset, () -> UpdateAction.parseExecute(REVISION, dataset));
    }
}
