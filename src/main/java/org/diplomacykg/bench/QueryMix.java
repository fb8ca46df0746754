package org.diplomacykg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The queries of the HTTP measurement: the competency questions of {@code queries/}, made to
 * fit any world (no fixed IRIs, a LIMIT), kept in {@code bench/queries/} on the class path.
 */
record QueryMix(List<String> names, List<String> queries) {

    private static final String DIR = "bench/queries/";

    static QueryMix standard() {
        List<String> names = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        for ( String line : read("bench/queries.txt").split("\n") ) {
            String name = line.strip();
            if ( name.isEmpty() )
                continue;
            names.add(name);
            queries.add(read(DIR + name));
        }
        return new QueryMix(names, queries);
    }

    int size() {
        return queries.size();
    }

    private static String read(String resource) {
        try ( InputStream in = QueryMix.class.getClassLoader().getResourceAsStream(resource) ) {
            if ( in == null )
                throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
