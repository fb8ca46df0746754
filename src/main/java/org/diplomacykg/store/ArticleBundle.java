package org.diplomacykg.store;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.diplomacykg.vocab.Slugs;

/**
 * One article as a directory: {@code facts.ttl}, what it says, and its text
 * {@code text.<lang>.txt} (e.g. {@code text.id.txt}), which the evidence spans quote. The
 * directory's name is the article's slug, and so names its graph {@code .../graph/source/<slug>}.
 */
public record ArticleBundle(String slug, Path dir, Path factsFile, Path textFile) {

    /** Reads the bundle's shape from its directory; what is missing or misnamed throws {@link LoadException}. */
    public static ArticleBundle of(Path dir) {
        Path normal = dir.toAbsolutePath().normalize();
        if ( !Files.isDirectory(normal) )
            throw new LoadException("The article bundle " + normal + " is not a directory: pass directories holding facts.ttl and text.<lang>.txt");
        String slug = normal.getFileName().toString();
        if ( !Slugs.isValid(slug) )
            throw new LoadException("The article bundle " + normal + " is not named by a valid slug: rename it to "
                + "lower-case ASCII words joined by hyphens (its name becomes the graph's)");
        Path facts = normal.resolve(DataLayout.FACTS_FILE);
        if ( !Files.isRegularFile(facts) )
            throw new LoadException("The article bundle " + normal + " has no " + DataLayout.FACTS_FILE);
        List<Path> texts = texts(normal);
        if ( texts.size() != 1 )
            throw new LoadException("The article bundle " + normal + " needs exactly one text file text.<lang>.txt "
                + "(e.g. text.id.txt) for its evidence spans to quote; it has " + texts.size());
        return new ArticleBundle(slug, normal, facts, texts.get(0));
    }

    /** The article's text, UTF-8. */
    public String text() {
        try {
            return Files.readString(textFile);
        } catch (CharacterCodingException ex) {
            throw new LoadException(textFile + ": not UTF-8 text", ex);
        } catch (IOException ex) {
            throw new LoadException("Cannot read " + textFile + ": " + ex.getMessage(), ex);
        }
    }

    private static List<Path> texts(Path dir) {
        try ( Stream<Path> entries = Files.list(dir) ) {
            return entries.filter(p -> p.getFileName().toString().matches("text\\.[a-z]{2,3}(-[A-Za-z0-9]+)*\\.txt"))
                          .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException ex) {
            throw new LoadException("Cannot list " + dir + ": " + ex.getMessage(), ex);
        }
    }
}
