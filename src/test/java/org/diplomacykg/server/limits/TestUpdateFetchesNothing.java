package org.diplomacykg.server.limits;

import static org.diplomacykg.server.limits.LimitsFixture.*;

import java.util.Set;

import org.apache.jena.sparql.core.Quad;
import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An update may not make the server fetch what a client names, as a query may not: {@code LOAD}
 * and {@code SERVICE} are refused (422), changing nothing.
 */
class TestUpdateFetchesNothing {

    @RegisterExtension
    static final KgServerExtension server = KgServerExtension.project().writable(USER + ": " + PASSWORD + "\n");

    @Test
    void loadIsRefused() {
        Set<Quad> before = dump(server.running());
        // A local file, which the server could otherwise read.
        assertRefused(422, update(server.running(), sized("LOAD <file:///etc/hostname> INTO GRAPH <" + SOURCE + ">")), "LOAD", "/kg/data");
        assertRefused(422, update(server.running(), sized("LOAD SILENT <http://localhost:1/data.ttl>")), "LOAD");
        assertSameData(before, dump(server.running()));
    }

    @Test
    void serviceIsRefused() {
        Set<Quad> before = dump(server.running());
        assertRefused(422, update(server.running(), sized(PREFIXES + "INSERT { GRAPH <" + SOURCE + "> { ?s rdfs:comment ?o } } "
            + "WHERE { SERVICE <http://localhost:1/sparql> { ?s rdfs:comment ?o } }")), "SERVICE");
        assertSameData(before, dump(server.running()));
    }
}
