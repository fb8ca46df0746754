package org.diplomacykg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.diplomacykg.vocab.Slugs;

/**
 * Where the files of the knowledge graph are on disk. The layout is fixed:
 * <pre>
 * ontology/diplomacy.ttl                the ontology (required)
 * ontology/shapes.ttl                   SHACL shapes for the gate (required, never loaded as data)
 * data/reference.ttl                    curated background facts (optional)
 * data/articles/&lt;slug&gt;/facts.ttl   what one article says (one per article directory)
 * data/articles/&lt;slug&gt;/text.id.txt the article text (not RDF, not loaded)
 * </pre>
 */
public final class DataLayout {

    public static final String ONTOLOGY_FILE = "diplomacy.ttl";
    public static final String SHAPES_FILE = "shapes.ttl";
    public static final String REFERENCE_FILE = "reference.ttl";
    public static final String ARTICLES_DIR = "articles";
    public static final String FACTS_FILE = "facts.ttl";

    /** One article bundle: its slug (the directory name) and its Turtle facts. */
    public record Article(String slug, Path factsFile) {}

    private final Path ontologyDir;
    private final Path dataDir;

    public DataLayout(Path ontologyDir, Path dataDir) {
        this.ontologyDir = Objects.requireNonNull(ontologyDir, "ontologyDir");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    public Path ontologyDir() { return ontologyDir; }
    public Path dataDir() { return dataDir; }
    public Path ontologyFile() { return ontologyDir.resolve(ONTOLOGY_FILE); }
    public Path shapesFile() { return ontologyDir.resolve(SHAPES_FILE); }
    public Path referenceFile() { return dataDir.resolve(REFERENCE_FILE); }
    public Path articlesDir() { return dataDir.resolve(ARTICLES_DIR); }

    /**
     * Checks that what must exist does, so that a wrong working directory or option
     * fails with one clear line before anything is parsed.
     */
    public void check() {
        requireDirectory(ontologyDir, "ontology directory", "--ontology DIR");
        requireDirectory(dataDir, "data directory", "--data DIR");
        requireFile(ontologyFile(), "ontology file");
        requireFile(shapesFile(), "SHACL shapes file");
    }

    /** The article bundles, sorted by slug so that loading order is reproducible. */
    public List<Article> articles() {
        Path dir = articlesDir();
        if ( !Files.isDirectory(dir) )
            return List.of();
        List<Article> articles = new ArrayList<>();
        try ( Stream<Path> entries = Files.list(dir) ) {
            for ( Path entry : entries.sorted(Comparator.comparing(Path::getFileName)).toList() ) {
                if ( !Files.isDirectory(entry) )
                    continue;
                String slug = entry.getFileName().toString();
                if ( !Slugs.isValid(slug) )
                    throw new LoadException("Article directory " + entry
                        + " is not a valid slug: rename it to lower-case ASCII words joined by hyphens");
                Path facts = entry.resolve(FACTS_FILE);
                requireFile(facts, "facts file of article '" + slug + "'");
                articles.add(new Article(slug, facts));
            }
        } catch (IOException ex) {
            throw new LoadException("Cannot list " + dir + ": " + ex.getMessage(), ex);
        }
        return articles;
    }

    private static void requireDirectory(Path dir, String what, String option) {
        if ( !Files.isDirectory(dir) )
            throw new LoadException("The " + what + " " + dir.toAbsolutePath().normalize()
                + " does not exist: run from the repository root or pass " + option);
    }

    private static void requireFile(Path file, String what) {
        if ( !Files.isRegularFile(file) )
            throw new LoadException("The " + what + " " + file.toAbsolutePath().normalize()
                + " does not exist: create it or point the command at the directory that has it");
    }

    @Override
    public String toString() {
        return "DataLayout[ontology=" + ontologyDir + ", data=" + dataDir + "]";
    }
}
