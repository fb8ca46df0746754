package org.diplomacykg.store;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.dboe.base.file.BinaryDataFile;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionListener;
import org.apache.jena.dboe.transaction.txn.TransactionalBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.StoragePrefixesTDB;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Puts the next write of TDB2's node files at their end, at the start of every write
 * transaction: works around a bug of Jena 5.6.0 (GH-3877, fixed in Jena 6.1, which needs Java
 * 21). When a write transaction that had written new nodes to the file ({@code nodes.dat})
 * aborts, or when recovery at a start cuts off a transaction the journal does not hold, TDB2
 * truncates the file but its {@code BinaryDataFileRandomAccess} keeps its old write position.
 * After a read, the next write seeks to that old position: the new nodes' bytes land past a gap
 * of zeros while their ids point into the gap, and the store can no longer be read
 * ({@code NodeTableTRDF/Read}, "Unrecognized type 0"). A refused write (gate, SHACL, a Kafka
 * failure) followed by reads and a write was enough.
 * <p>
 * At the start of a write transaction (the writer lock held, the file as the last commit left
 * it, nothing buffered) the file's end is where the next node goes, so the position is set to
 * the file's length and the file put in read mode, which makes the next write seek there. The
 * fields are private to Jena, hence reflection; {@link #install} fails if they are not there,
 * so an upgrade that changes them is noticed (and, past Jena 6.1, this class can go).
 */
final class NodeFileEnd implements TransactionListener {

    private final List<Object> files;

    private NodeFileEnd(List<Object> files) {
        this.files = files;
    }

    /** Hooks TDB2 storage (the generation of the moment: a compaction makes a new one, hook it again). */
    static void install(DatasetGraph tdb) {
        if ( !TDBInternal.isBackedByTDB(tdb) )
            return;
        DatasetGraphTDB storage = TDBInternal.getDatasetGraphTDB(tdb);
        List<Object> files = new ArrayList<>();
        files.add(randomAccessFile(storage.getQuadTable().getNodeTupleTable().getNodeTable()));
        if ( storage.getStoragePrefixes() instanceof StoragePrefixesTDB prefixes )
            files.add(randomAccessFile(prefixes.getNodeTupleTable().getNodeTable()));
        TransactionCoordinator coordinator = ((TransactionalBase) storage.getTxnSystem()).getTxnMgr();
        NodeFileEnd listener = new NodeFileEnd(files);
        coordinator.modifyConfig(() -> coordinator.addListener(listener));
    }

    @Override
    public void notifyTxnStart(Transaction transaction) {
        if ( transaction.isWriteTxn() )
            atEnd();
    }

    @Override
    public void notifyPromoteFinish(Transaction transaction) {
        if ( transaction.isWriteTxn() )
            atEnd();
    }

    private void atEnd() {
        // Only the writer writes these fields, and only it holds the writer lock now; readers
        // seek for themselves (read mode) and never use the write position.
        for ( Object file : files ) {
            long length = ((BinaryDataFile) file).length();
            set(file, "writePosition", length);
            set(file, "readMode", true);
        }
    }

    // ---- Down to the file: NodeTableTRDF → TransBinaryDataFile → BinaryDataFileWriteBuffered → BinaryDataFileRandomAccess

    private static Object randomAccessFile(NodeTable table) {
        NodeTable base = table;
        while ( !(base instanceof NodeTableTRDF) && base != null && base.wrapped() != base )
            base = base.wrapped();
        if ( !(base instanceof NodeTableTRDF trdf) )
            throw unexpected("a node table that is not NodeTableTRDF: " + table);
        Object buffered = get(trdf.getData(), "binFile");
        Object file = get(buffered, "other");
        if ( !file.getClass().getSimpleName().equals("BinaryDataFileRandomAccess") )
            throw unexpected("a node file of " + file.getClass());
        // Checked now, not at the first write.
        field(file.getClass(), "writePosition");
        field(file.getClass(), "readMode");
        return file;
    }

    private static Object get(Object object, String name) {
        try {
            return field(object.getClass(), name).get(object);
        } catch (IllegalAccessException ex) {
            throw unexpected(ex.toString());
        }
    }

    private static void set(Object object, String name, Object value) {
        try {
            field(object.getClass(), name).set(object, value);
        } catch (IllegalAccessException ex) {
            throw unexpected(ex.toString());
        }
    }

    private static Field field(Class<?> type, String name) {
        for ( Class<?> c = type; c != null; c = c.getSuperclass() ) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException ex) {
                // Declared higher up.
            }
        }
        throw unexpected("no field " + name + " in " + type.getName());
    }

    private static IllegalStateException unexpected(String what) {
        return new IllegalStateException("TDB2's node file is not built as Jena 5.6.0 builds it (" + what + "); "
            + "the workaround for GH-3877 in " + NodeFileEnd.class.getName() + " needs a look");
    }
}
