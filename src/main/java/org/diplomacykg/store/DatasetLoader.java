package org.diplomacykg.store;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.vocab.Graphs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the files of a {@link DataLayout} into their named graphs. It does not manage
 * transactions: the caller holds the write transaction, so that loading, later
 * reasoning and the SHACL gate commit or abort together.
 */
public final class DatasetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetLoader.class);

    /** Loads ontology, reference data and every article into {@code dsg}. */
    public static void load(DataLayout layout, DatasetGraph dsg) {
        layout.check();
        loadFile(layout.ontologyFile(), dsg, Graphs.Nodes.ONTOLOGY);
        if ( Files.isRegularFile(layout.referenceFile()) )
            loadFile(layout.referenceFile(), dsg, Graphs.Nodes.REFERENCE);
        for ( DataLayout.Article article : layout.articles() )
            loadFile(article.factsFile(), dsg, Graphs.Nodes.sourceGraph(article.slug()));
    }

    /** Adds the triples of one Turtle file to the named graph {@code graphName}. */
    public static void loadFile(Path file, DatasetGraph dsg, Node graphName) {
        Graph graph = dsg.getGraph(graphName);
        long before = graph.size();
        TurtleFiles.read(file, graph);
        LOG.info("Loaded {} into <{}>: {} triples", file, graphName.getURI(), graph.size() - before);
    }

    private DatasetLoader() {}
}
