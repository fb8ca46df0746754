package org.diplomacykg.server.limits;

import static org.diplomacykg.server.limits.LimitsFixture.*;

import java.nio.file.Path;
import java.util.Set;

import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update may not make the server fetch what a client names, as a query may not: {@code LOAD}
 * and {@code SERVICE} are refused (422), changing nothing.
 */
class TestUpdateFetchesNothing {

    @TempDir
    static Path tmp;

    private static TestServers.Running kg;

    @BeforeAll
    static void start() {
        kg = writable(tmp, Limits.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        if ( kg != null )
            kg.close();
    }

    @Test
    void loadIsRefused() {
        Set<Quad> before = dump(kg);
        // A local file, which the server could otherwise read.
        assertRefused(422, update(kg, sized("LOAD <file:///etc/hostname> INTO GRAPH <" + SOURCE + ">")), "LOAD", "/kg/data");
        assertRefused(422, update(kg, sized("LOAD SILENT <http://localhost:1/data.ttl>")), "LOAD");
        assertSameData(before, dump(kg));
    }

    @Test
    void serviceIsRefused() {
        Set<Quad> before = dump(kg);
        assertRefused(422, update(kg, sized(PREFIXES + "INSERT { GRAPH <" + SOURCE + "> { ?s rdfs:comment ?o } } "
            + "WHERE { SERVICE <http://localhost:1/sparql> { ?s rdfs:comment ?o } }")), "SERVICE");
        assertSameData(before, dump(kg));
    }
}
