package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.diplomacykg.Fixtures;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading article bundles into a store on disk: a good bundle brings its graph and its
 * inferences; a bundle that does not parse, quotes words its text does not have, or breaks the
 * shapes changes nothing and says why.
 */
class TestStoreLoader {

    static final String PREFIXES = """
        @prefix dkg:  <https://w3id.org/diplomacy-kg/ontology#> .
        @prefix id:   <https://w3id.org/diplomacy-kg/id/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix oa:   <http://www.w3.org/ns/oa#> .
        """;
    static final String GOOD_FACTS = PREFIXES + """
        id:new-envoy a dkg:Official ; rdfs:label "New envoy"@en .
        id:new-call a dkg:Meeting ; rdfs:label "A new call"@en ; dkg:participant id:new-envoy ;
            dkg:evidence [ a oa:TextQuoteSelector ; oa:exact "panggilan baru" ] .
        """;
    static final String TEXT = "Ini adalah panggilan baru dengan seorang utusan.\n";

    static final Node NEW_ENVOY = NodeFactory.createURI(DKG.ID_BASE + "new-envoy");
    static final Node PERSON = NodeFactory.createURI(DKG.NS + "Person");

    @TempDir
    Path tmp;

    private TdbStore store;
    private StoreLoader loader;

    @BeforeEach
    void open() {
        store = StoreStack.at(tmp.resolve("db")).filledFrom(new DataLayout(Fixtures.path("kg/ontology"), Fixtures.path("kg/data"))).open();
        loader = new StoreLoader(store.datasetGraph(), ShaclGate.fromFile(Fixtures.path("kg/ontology/shapes.ttl")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Writes a bundle directory {@code tmp/bundles/<slug>} with the facts and the text. */
    static Path bundle(Path tmp, String slug, String facts, String text) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bundles").resolve(slug));
        Files.writeString(dir.resolve("facts.ttl"), facts);
        Files.writeString(dir.resolve("text.id.txt"), text);
        return dir;
    }

    @Test
    void aGoodBundleAddsItsSourceGraphAndItsInferences() throws IOException {
        StoreLoader.Outcome outcome = loader.loadBundle(ArticleBundle.of(bundle(tmp, "new-article", GOOD_FACTS, TEXT)));
        assertEquals(Graphs.sourceGraph("new-article"), outcome.graph());
        assertFalse(outcome.replaced());
        Graph source = StoreSnapshots.graph(store.datasetGraph(), Graphs.Nodes.sourceGraph("new-article"));
        // The facts, and the article's text kept beside them for later span checks.
        assertEquals(outcome.triples(), source.size(), "the count is the graph's, the text's triple included, as PUT /kg/articles reports it");
        assertTrue(source.contains(DKG.Nodes.id("article-new-article"), ArticleTexts.TEXT, ArticleTexts.textLiteral(TEXT)));
        assertTrue(source.contains(NEW_ENVOY, RDF.Nodes.type, DKG.Nodes.Official));
        // An official is a person (rdfs:subClassOf in the ontology): derived at the commit.
        assertTrue(StoreSnapshots.graph(store.datasetGraph(), Graphs.Nodes.INFERRED)
                       .contains(NEW_ENVOY, RDF.Nodes.type, PERSON));
    }

    @Test
    void loadingASlugAgainReplacesItsGraphAndWhatFollowedFromIt() throws IOException {
        loader.loadBundle(ArticleBundle.of(bundle(tmp, "new-article", GOOD_FACTS, TEXT)));
        String second = PREFIXES + """
            id:new-call a dkg:Meeting ; rdfs:label "A new call"@en ;
                dkg:evidence [ a oa:TextQuoteSelector ; oa:exact "panggilan baru" ] .
            """;
        StoreLoader.Outcome outcome = loader.loadBundle(ArticleBundle.of(bundle(tmp, "new-article", second, TEXT)));
        assertTrue(outcome.replaced());
        Graph source = StoreSnapshots.graph(store.datasetGraph(), Graphs.Nodes.sourceGraph("new-article"));
        assertEquals(5 + 1, source.size(), source::toString);
        assertFalse(source.contains(NEW_ENVOY, Node.ANY, Node.ANY));
        assertFalse(StoreSnapshots.graph(store.datasetGraph(), Graphs.Nodes.INFERRED).contains(NEW_ENVOY, Node.ANY, Node.ANY));
    }

    @Test
    void aSyntaxErrorChangesNothingAndNamesFileLineAndColumn() throws IOException {
        Path dir = bundle(tmp, "broken", PREFIXES + "\nid:x id:says .\n", TEXT);
        Set<Quad> before = StoreSnapshots.quads(store.datasetGraph());
        LoadException ex = assertThrows(LoadException.class, () -> loader.loadBundle(ArticleBundle.of(dir)));
        assertTrue(ex.getMessage().matches("(?s)\\Q" + dir.resolve("facts.ttl") + "\\E:6:\\d+: .*"), ex.getMessage());
        assertEquals(before, StoreSnapshots.quads(store.datasetGraph()));
    }

    @Test
    void aShaclViolationChangesNothingAndGivesTheReport() throws IOException {
        Path dir = bundle(tmp, "unnamed", PREFIXES + "id:unnamed-envoy a dkg:Official .\n", TEXT);
        Set<Quad> before = StoreSnapshots.quads(store.datasetGraph());
        ShaclViolationException ex = assertThrows(ShaclViolationException.class, () -> loader.loadBundle(ArticleBundle.of(dir)));
        assertTrue(ex.getMessage().contains("unnamed-envoy") && ex.getMessage().contains("A person needs a label"), ex.getMessage());
        assertEquals(before, StoreSnapshots.quads(store.datasetGraph()));
    }

    @Test
    void aSpanNotInTheTextChangesNothingAndIsNamed() throws IOException {
        String facts = GOOD_FACTS.replace("\"panggilan baru\"", "\"panggilan lama\"");
        Path dir = bundle(tmp, "misquoted", facts, TEXT);
        Set<Quad> before = StoreSnapshots.quads(store.datasetGraph());
        LoadException ex = assertThrows(LoadException.class, () -> loader.loadBundle(ArticleBundle.of(dir)));
        assertTrue(ex.getMessage().contains("\"panggilan lama\"") && ex.getMessage().contains("does not occur verbatim in the text of article 'misquoted'"), ex.getMessage());
        assertEquals(before, StoreSnapshots.quads(store.datasetGraph()));
    }

    @Test
    void aSpanWhoseWordsRecurIsRefusedUnlessItsPrefixOrSuffixTellsThemApart() throws IOException {
        String text = "Ini adalah panggilan baru. Itu juga panggilan baru dengan seorang utusan.\n";
        Path ambiguous = bundle(tmp, "ambiguous", GOOD_FACTS, text);
        Set<Quad> before = StoreSnapshots.quads(store.datasetGraph());
        LoadException ex = assertThrows(LoadException.class, () -> loader.loadBundle(ArticleBundle.of(ambiguous)));
        assertTrue(ex.getMessage().contains("\"panggilan baru\": occurs 2 times in the text")
                   && ex.getMessage().contains("add an oa:prefix"), ex.getMessage());
        assertEquals(before, StoreSnapshots.quads(store.datasetGraph()));

        Path told = bundle(tmp, "told-apart", GOOD_FACTS.replace("oa:exact \"panggilan baru\"",
                                                                  "oa:exact \"panggilan baru\" ; oa:suffix \" dengan\""), text);
        assertEquals(Graphs.sourceGraph("told-apart"), loader.loadBundle(ArticleBundle.of(told)).graph(), "the suffix names one place");
    }

    @Test
    void aRefusedBundleThatWouldReplaceOneLeavesTheOldOne() throws IOException {
        loader.loadBundle(ArticleBundle.of(bundle(tmp, "new-article", GOOD_FACTS, TEXT)));
        Set<Quad> before = StoreSnapshots.quads(store.datasetGraph());
        Path dir = bundle(tmp, "new-article", PREFIXES + "id:unnamed-envoy a dkg:Official .\n", TEXT);
        assertThrows(ShaclViolationException.class, () -> loader.loadBundle(ArticleBundle.of(dir)));
        assertEquals(before, StoreSnapshots.quads(store.datasetGraph()));
    }

    @Test
    void aBundleNeedsASlugFactsAndOneText() throws IOException {
        Path badName = bundle(tmp, "Bad_Name", GOOD_FACTS, TEXT);
        assertTrue(assertThrows(LoadException.class, () -> ArticleBundle.of(badName)).getMessage().contains("slug"));
        Path noText = bundle(tmp, "no-text", GOOD_FACTS, TEXT);
        Files.delete(noText.resolve("text.id.txt"));
        assertTrue(assertThrows(LoadException.class, () -> ArticleBundle.of(noText)).getMessage().contains("text.<lang>.txt"));
        assertEquals("new-article", ArticleBundle.of(bundle(tmp, "new-article", GOOD_FACTS, TEXT)).slug());
    }

    @Test
    void reloadingTheOntologyRecomputesTheInferences() throws IOException {
        Path ontology = Fixtures.copy("kg/ontology", tmp.resolve("ontology")).resolve(DataLayout.ONTOLOGY_FILE);
        Files.writeString(ontology, "dkg:Meeting rdfs:subClassOf dkg:Event .\n", StandardOpenOption.APPEND);
        assertFalse(store.ontologyMatches(ontology));
        loader.reloadOntology(ontology);
        assertTrue(store.ontologyMatches(ontology));
        Node testCall = NodeFactory.createURI(DKG.ID_BASE + "test-call");
        assertTrue(StoreSnapshots.graph(store.datasetGraph(), Graphs.Nodes.INFERRED)
                       .contains(Triple.create(testCall, RDF.Nodes.type, NodeFactory.createURI(DKG.NS + "Event"))));
    }
}
