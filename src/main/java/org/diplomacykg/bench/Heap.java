package org.diplomacykg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Heap figures of this JVM: used after a full collection, and the peak since a reset. */
final class Heap {

    /** Heap used after collections have settled: what the live objects hold. */
    static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        // A few rounds: finalisation and soft references can free more on a later one.
        for ( int i = 0; i < 4; i++ ) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Starts a new peak measurement. */
    static void resetPeak() {
        for ( MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans() )
            if ( pool.getType() == MemoryType.HEAP )
                pool.resetPeakUsage();
    }

    /**
     * The sum of the heap pools' peak usage since {@link #resetPeak()}. The pools peak at
     * different moments, so this is an upper bound of the heap's peak.
     */
    static long peak() {
        long sum = 0;
        for ( MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans() )
            if ( pool.getType() == MemoryType.HEAP )
                sum += pool.getPeakUsage().getUsed();
        return sum;
    }

    private Heap() {}
}
