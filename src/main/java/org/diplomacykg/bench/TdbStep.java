package org.diplomacykg.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * A new TDB2 store on disk, as {@code load --tdb} builds one: parse and load rate in one write
 * transaction, then the rules alone over the stored data, then full materialisation into the
 * store in a second write transaction (time, peak heap, disk size after). A store on disk keeps
 * its quads off the heap, so this is how sizes beyond the heap are measured.
 */
final class TdbStep {

    static JsonObject run(StepRequest request) throws IOException {
        Path dir = Files.createTempDirectory(request.workDir(), "tdb2-");
        try {
            WorldData.warmUp(request.ontology());
            Dataset dataset = TDB2Factory.connectDataset(Location.create(dir));
            DatasetGraph dsg = dataset.asDatasetGraph();
            long start = System.nanoTime();
            long quads = Txn.calculateWrite(dataset, () -> WorldData.readInto(request.ontology(), request.world(), dsg));
            long nanos = System.nanoTime() - start;
            JsonObject o = new JsonObject();
            o.put("triples", quads);
            o.put("load_ms", Json.num(nanos / 1e6));
            o.put("load_triples_per_s", Json.num(quads / (nanos / 1e9)));
            // Allocated file sizes: TDB2 grows its files in blocks, so small stores look large per triple.
            o.put("disk_bytes", DiskUsage.of(dir));
            BenchStep.progress(o);

            Materialisation.measure(dsg, o);
            o.put("quads_held", Txn.calculateRead(dataset, () -> dsg.stream().count()));
            o.put("disk_bytes_materialised", DiskUsage.of(dir));
            return o;
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try ( Stream<Path> files = Files.walk(dir) ) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private TdbStep() {}
}
