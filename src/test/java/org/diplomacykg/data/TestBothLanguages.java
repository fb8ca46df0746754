package org.diplomacykg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;

/**
 * Every labelled thing of the reference graph and of every article graph has a label in English
 * and one in Indonesian, so that the pages and the analysts' queries work in both languages.
 */
class TestBothLanguages {

    private static final String LACKING_A_LANGUAGE = """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?thing ?missing WHERE {
          ?thing rdfs:label ?any .
          VALUES ?missing { "en" "id" }
          FILTER NOT EXISTS { ?thing rdfs:label ?label FILTER (lang(?label) = ?missing) }
        }
        ORDER BY ?thing ?missing""";

    @Test
    void everyLabelledThingHasAnEnglishAndAnIndonesianLabel() throws IOException {
        for (Path file : dataFiles()) {
            Model data = RDFDataMgr.loadModel(file.toString());
            List<String> lacking = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.model(data).query(LACKING_A_LANGUAGE).build()) {
                qe.execSelect().forEachRemaining(row ->
                    lacking.add(row.get("thing") + " has no @" + row.getLiteral("missing").getString() + " label"));
            }
            assertEquals(List.of(), lacking, file.toString());
        }
    }

    private static List<Path> dataFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("data"))) {
            return files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        }
    }
}
