package org.diplomacykg.server.linkeddata;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.diplomacykg.server.PublicUrls;
import org.diplomacykg.vocab.DKG;
import org.diplomacykg.vocab.Slugs;

/**
 * The model of the HTML 404 of {@code /id/...} ({@code resource-not-found.ftlh}): where things
 * live, a "did you mean" when the path, made into a slug ({@code Sergey_Lavrov} into
 * {@code sergey-lavrov}), names a known thing, and a SPARQL query that searches the labels for
 * the longest word of the path. Call inside a read transaction.
 */
final class NotFoundPage {

    private static final int MAX_SHOWN = 200;

    static Map<String, Object> model(DatasetGraph dataset, String requested, String base) {
        String shown = requested.length() > MAX_SHOWN ? requested.substring(0, MAX_SHOWN) + "…" : requested;
        String slug = asSlug(lastSegment(requested));
        Map<String, Object> model = new HashMap<>();
        model.put("base", base);
        model.put("path", shown);
        model.put("searchQuery", searchQuery(slug));
        if ( Slugs.isValid(slug) && isKnown(dataset, slug) ) {
            model.put("suggestion", base + "/id/" + slug);
            Labels labels = new Labels(dataset, PageLanguage.ENGLISH);
            model.put("suggestionLabel", labels.of(DKG.Nodes.id(slug)));
        }
        return model;
    }

    /** Whether some asserted or inferred triple has the thing as its subject. */
    private static boolean isKnown(DatasetGraph dataset, String slug) {
        return dataset.find(Node.ANY, DKG.Nodes.id(slug), Node.ANY, Node.ANY).hasNext();
    }

    private static String lastSegment(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** Lower case, runs of anything but ASCII letters and digits made single hyphens. */
    static String asSlug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-+|-+$", "");
    }

    private static String searchQuery(String slug) {
        String word = Arrays.stream(slug.split("-"))
            .max(Comparator.comparingInt(String::length))
            .filter(w -> !w.isEmpty())
            .orElse("lavrov");
        return "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             + "SELECT ?thing ?label WHERE {\n"
             + "  ?thing rdfs:label ?label .\n"
             + "  FILTER(STRSTARTS(STR(?thing), \"" + PublicUrls.PUBLIC_BASE + "id/\"))\n"
             + "  FILTER(CONTAINS(LCASE(STR(?label)), \"" + word + "\"))\n"
             + "}";
    }

    private NotFoundPage() {}
}
