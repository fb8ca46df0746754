package org.diplomacykg.store;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * Fills a new store with an exact copy of the store an N-Quads export was taken from: every
 * graph as it is (inferred, explanations, audit, and the replication offset), blank nodes with
 * their labels, nothing derived again and no record of the copy added. This is how a read
 * replica starts: it must hold exactly the primary's quads, and then follows the topic from
 * the offset the export holds. (A plain {@link StoreLoader#restore} re-derives and records
 * itself: a new store of its own.)
 */
public final class StoreCopy {

    /**
     * Copies the export into the empty store, in one write transaction; returns the quads copied.
     *
     * @throws LoadException if the store is not empty, or the file is not N-Quads or does not parse
     */
    public static long restore(TdbStore store, Path exportFile) {
        String name = exportFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if ( !(name.endsWith(".nq") || name.endsWith(".nq.gz")) )
            throw new LoadException(exportFile + ": a copy is made from an N-Quads export (export --format nquads, "
                + "a file named .nq or .nq.gz), which keeps blank nodes' labels; TriG does not");
        DatasetGraph storage = store.storage();
        long[] quads = { 0 };
        Txn.executeWrite(storage, () -> {
            if ( !storage.isEmpty() )
                throw new LoadException("A copy goes into a new, empty store; this one holds data: pass a new --tdb DIR");
            StreamRDF into = StreamRDFLib.dataset(storage);
            TurtleFiles.parse(exportFile, Lang.NQUADS, new StreamRDFWrapper(into) {
                @Override
                public void quad(Quad quad) {
                    quads[0]++;
                    super.quad(quad);
                }
            }, true);
        });
        store.afterWrite();
        return quads[0];
    }

    private StoreCopy() {}
}
