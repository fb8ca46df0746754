package org.diplomacykg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Directories for stores that live as long as the process: the default store of {@code serve},
 * {@code validate} and {@code infer}, and the scratch stores of benchmarks. They are created
 * under {@code java.io.tmpdir} and deleted, with everything in them, when the JVM exits
 * normally or is stopped by a signal (not after {@code kill -9}: then their names, which start
 * with {@value #PREFIX}, say what they were).
 */
final class TemporaryStores {

    static final String PREFIX = "diplomacy-kg-store-";

    private static final List<Path> CREATED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryStores::deleteAll, "delete temporary stores"));
    }

    /** A new empty directory, deleted at exit. */
    static synchronized Path newDirectory() {
        try {
            Path dir = Files.createTempDirectory(PREFIX);
            CREATED.add(dir);
            return dir;
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot create a directory for the store under " + System.getProperty("java.io.tmpdir"), ex);
        }
    }

    private static synchronized void deleteAll() {
        // On Linux, files still mapped by the store can be deleted; the memory goes with the process.
        for ( Path dir : CREATED ) {
            try ( Stream<Path> files = Files.walk(dir) ) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException | UncheckedIOException ex) {
                System.err.println("Could not delete the temporary store " + dir + ": " + ex);
            }
        }
    }

    private TemporaryStores() {}
}
