package org.diplomacykg.server.linkeddata;

import java.util.List;

/**
 * The pieces of the resource page, as plain values for the template ({@code resource.ftlh}):
 * everything is already a label or a URL, so the template only lays them out.
 */
public final class PageModel {

    /**
     * A node as shown: a link ({@code href} set, {@code iri} the IRI shown small beside it) or
     * literal text (with its language tag or short datatype name, either may be null).
     */
    public record Term(String text, String href, String iri, String lang, String datatype) {

        static Term link(String label, String href, String iri) {
            return new Term(label, href, iri, null, null);
        }

        static Term literal(String text, String lang, String datatype) {
            return new Term(text, null, null, lang, datatype);
        }
    }

    /** A premise of a derivation, as a readable triple; {@code inferred} when it is itself derived. */
    public record Premise(Term subject, Term predicate, Term object, boolean inferred) {}

    /**
     * One derivation of an inferred fact: the rule's label and description, the premises, and
     * whose account it rests on: the agents whose statements it rests on and the articles.
     */
    public record Why(String rule, String description, List<Premise> premises, List<Term> accordingTo, List<Term> articles) {}

    /**
     * One value of a property. {@code inferred} facts carry their derivations in {@code why};
     * {@code note} is extra text to show beside it (the quote, for a selector quoting an article);
     * {@code spans} link to the article text that is the fact's evidence ({@code /article/{slug}#span-...}).
     */
    public record Value(Term term, boolean inferred, List<Why> why, String note, List<String> spans) {}

    /** A property and its values, on the page's "facts" or "links to this" list. */
    public record Fact(Term property, List<Value> values) {}

    /** A quoted span, the article it is from, and where the article page shows it (null if nowhere). */
    public record Evidence(String quote, Term article, String span) {}

    /** Another representation of the same resource. */
    public record Format(String label, String mediaType, String href) {}

    private PageModel() {}
}
