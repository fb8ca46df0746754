package org.diplomacykg.server.ontology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.data.ProtegeCatalog;
import org.diplomacykg.vocab.DKG;
import org.junit.jupiter.api.Test;

/**
 * Every ontology file of the project opens in Protégé with no network: each {@code owl:imports}
 * of the file, and of what it imports in turn, resolves through the {@code catalog-v001.xml}
 * beside the opened file (the one Protégé reads) to a local file that is that ontology.
 */
class TestOntologyOffline {

    /** The ontology, the reference graph and each article's facts: the files one opens in Protégé. */
    private static List<Path> ontologyFiles() throws IOException {
        try ( Stream<Path> files = Stream.concat(Stream.of(Path.of("ontology/diplomacy.ttl"), Path.of("data/reference.ttl")),
                                                 Files.list(Path.of("data/articles")).map(dir -> dir.resolve("facts.ttl"))) ) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void everyImportResolvesThroughTheCatalogBesideTheOpenedFile() throws Exception {
        int resolved = 0;
        for ( Path opened : ontologyFiles() ) {
            Map<String, Path> catalog = ProtegeCatalog.beside(opened).entries();
            Deque<Path> toRead = new ArrayDeque<>(List.of(opened));
            Set<Path> read = new HashSet<>();
            while ( !toRead.isEmpty() ) {
                Path file = toRead.pop();
                if ( !read.add(file.normalize()) )
                    continue;
                for ( Triple t : RDFParser.source(file).toGraph().find(Node.ANY, OWL2.imports.asNode(), Node.ANY).toList() ) {
                    String imported = t.getObject().getURI();
                    Path local = catalog.get(imported);
                    assertTrue(local != null, opened + ": owl:imports <" + imported + "> (in " + file + ") needs the network: "
                                              + "map it in " + opened.resolveSibling(ProtegeCatalog.FILE_NAME));
                    toRead.push(local);
                    resolved++;
                }
            }
        }
        assertTrue(resolved >= 3, "the data files import the ontology through the reference graph: " + resolved);
    }

    @Test
    void catalogEntriesPointAtTheOntologiesTheyName() throws Exception {
        for ( Path opened : ontologyFiles() ) {
            Map<String, Path> catalog = ProtegeCatalog.beside(opened).entries();
            assertFalse(catalog.isEmpty(), opened + " has an empty catalog");
            for ( Map.Entry<String, Path> entry : catalog.entrySet() ) {
                assertTrue(Files.isRegularFile(entry.getValue()), entry.getKey() + " -> missing " + entry.getValue());
                Graph target = RDFParser.source(entry.getValue()).toGraph();
                assertTrue(target.contains(NodeFactory.createURI(entry.getKey()), RDF.Nodes.type, OWL2.Ontology.asNode()),
                           entry.getValue() + " is not the ontology " + entry.getKey());
            }
        }
        Path ontology = Path.of("ontology/diplomacy.ttl");
        assertEquals(ontology.toAbsolutePath().normalize(), ProtegeCatalog.beside(ontology).entries().get(DKG.ONTOLOGY_IRI),
                     "the ontology's own IRI opens from the local file");
    }
}
