package org.diplomacykg.cli;

import java.io.IOException;

import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * Run in a child JVM by the tests: opens the TDB2 store in {@code args[0]} (taking its lock),
 * prints "ready", and holds it until its standard input closes, as a running server would.
 */
public final class StoreHolder {

    public static void main(String[] args) throws IOException {
        Dataset dataset = TDB2Factory.connectDataset(args[0]);
        Txn.executeRead(dataset, () -> {});
        System.out.println("ready");
        System.out.flush();
        while ( System.in.read() >= 0 ) {
            // Hold the store until the parent closes our input (or the process is destroyed).
        }
    }

    private StoreHolder() {}
}
