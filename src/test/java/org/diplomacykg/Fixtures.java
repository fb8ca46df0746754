package org.diplomacykg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The test fixtures under {@code src/test/resources/fixtures/}:
 * <ul>
 * <li>{@code kg/ontology}, {@code kg/data}: a tiny ontology, shapes and data that conform;</li>
 * <li>{@code violating/data}: data that breaks {@code kg/ontology/shapes.ttl}
 *     through an {@code rdfs:subClassOf} only visible in the ontology graph.</li>
 * </ul>
 */
public final class Fixtures {

    /** The directory of a fixture, e.g. {@code path("kg/ontology")}. */
    public static Path path(String name) {
        URL url = Fixtures.class.getClassLoader().getResource("fixtures/" + name);
        if ( url == null )
            throw new IllegalArgumentException("No test fixture 'fixtures/" + name + "' on the class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Copies a closed TDB2 store into {@code target}, without its lock file: one store made once, used by many tests. */
    public static Path copyStore(Path store, Path target) {
        try ( Stream<Path> files = Files.walk(store) ) {
            for ( Path file : files.toList() ) {
                if ( file.getFileName().toString().equals("tdb.lock") )
                    continue;
                Path copy = target.resolve(store.relativize(file).toString());
                if ( Files.isDirectory(file) )
                    Files.createDirectories(copy);
                else
                    Files.copy(file, copy);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return target;
    }

    /** Copies a fixture directory tree into {@code target}, for tests that change files. */
    public static Path copy(String name, Path target) {
        Path source = path(name);
        try ( Stream<Path> paths = Files.walk(source) ) {
            for ( Path from : paths.toList() ) {
                Path to = target.resolve(source.relativize(from).toString());
                if ( Files.isDirectory(from) )
                    Files.createDirectories(to);
                else
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return target;
    }

    private Fixtures() {}
}
