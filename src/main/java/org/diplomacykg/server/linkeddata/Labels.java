package org.diplomacykg.server.linkeddata;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;

/**
 * Readable names for the nodes of one page, in the page's language: the {@code rdfs:label} in
 * that language, else in English, else any label, else a name made from the IRI
 * ({@code unchangedSince} reads "unchanged since", {@code id/sergey-lavrov} "sergey-lavrov").
 * Reads from the whole dataset (inside the caller's read transaction), so property and class
 * labels come from the ontology; remembers what it has looked up, for one request only.
 * Public for the other pages ({@code /article/...}).
 */
public final class Labels {

    private final DatasetGraph dataset;
    private final String lang;
    private final Map<Node, String> cache = new HashMap<>();

    public Labels(DatasetGraph dataset, String lang) {
        this.dataset = dataset;
        this.lang = lang;
    }

    public String lang() {
        return lang;
    }

    /** The label of {@code node}, or a name made from its IRI. */
    public String of(Node node) {
        return cache.computeIfAbsent(node, n -> {
            String label = text(n, RDFS.Nodes.label);
            return label != null ? label : fallback(n);
        });
    }

    /**
     * The value of a literal-valued property of {@code node} in the page's language, else in
     * English, else the first other one; null when there is none.
     */
    public String text(Node node, Node property) {
        if ( !node.isURI() )
            return null;
        String inLang = null, inEnglish = null, other = null;
        var it = dataset.find(Node.ANY, node, property, Node.ANY);
        while ( it.hasNext() ) {
            Node value = it.next().getObject();
            if ( !value.isLiteral() )
                continue;
            String valueLang = value.getLiteralLanguage();
            if ( inLang == null && matches(valueLang, lang) )
                inLang = value.getLiteralLexicalForm();
            else if ( inEnglish == null && matches(valueLang, PageLanguage.ENGLISH) )
                inEnglish = value.getLiteralLexicalForm();
            else if ( other == null )
                other = value.getLiteralLexicalForm();
        }
        return inLang != null ? inLang : inEnglish != null ? inEnglish : other;
    }

    /** Whether a language tag ({@code en}, {@code en-GB}) is in {@code wanted}. */
    public static boolean matches(String tag, String wanted) {
        if ( tag == null || tag.isEmpty() )
            return false;
        String t = tag.toLowerCase(Locale.ROOT);
        return t.equals(wanted) || t.startsWith(wanted + "-");
    }

    /** A name made from an IRI: the part after the last {@code #} or {@code /}, camel case split into words. */
    public static String fallback(Node node) {
        if ( !node.isURI() )
            return node.isBlank() ? "(unnamed)" : node.toString();
        String iri = node.getURI();
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        String local = cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
        if ( local.contains("-") || !local.chars().anyMatch(Character::isUpperCase) )
            return local;
        return local.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }
}
