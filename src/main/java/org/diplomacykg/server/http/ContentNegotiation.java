package org.diplomacykg.server.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * Chooses the representation of a response from the request's {@code Accept} header (parsed by
 * Jena's {@link AcceptList}) or from an explicit {@code ?format=} parameter, among the formats
 * an endpoint offers. No server is needed: it maps strings to a format or to nothing (HTTP 406);
 * {@link NegotiatedResponses} applies it to requests.
 * <p>
 * The quality of an offered media type is the {@code q} of the most specific range that matches
 * it ({@code text/turtle;q=0, *}{@code /*} refuses Turtle and accepts the rest), and {@code q=0}
 * means "not acceptable". The format with the highest quality wins; on a tie, the one matched
 * more specifically ({@code text/html, *}{@code /*} gives HTML), then the first on offer. A
 * missing or empty header accepts anything, so it gives the first format on offer.
 */
public final class ContentNegotiation {

    private final List<ResponseFormat> offers;

    /** Negotiation among {@code offers}, in the server's order of preference. */
    public ContentNegotiation(List<ResponseFormat> offers) {
        if ( offers == null || offers.isEmpty() )
            throw new IllegalArgumentException("offers must name at least one format");
        this.offers = List.copyOf(offers);
    }

    /** Negotiation among {@code offers}, in the server's order of preference. */
    public static ContentNegotiation of(ResponseFormat... offers) {
        return new ContentNegotiation(List.of(offers));
    }

    public List<ResponseFormat> offers() {
        return offers;
    }

    /**
     * The format for a request: a {@code ?format=} parameter, when present, decides alone;
     * otherwise the {@code Accept} header. Empty when neither names a format on offer.
     */
    public Optional<ResponseFormat> choose(String formatParameter, String acceptHeader) {
        if ( formatParameter != null )
            return byParameter(formatParameter);
        return byAccept(acceptHeader);
    }

    /**
     * The format named by {@code ?format=}: {@code ttl}, {@code jsonld}, {@code rdf}, {@code nt},
     * {@code nq}, {@code trig}, {@code html}, or any name or file extension Jena knows the
     * syntax by ({@code turtle}, {@code json-ld}, {@code n-triples}, ...).
     */
    public Optional<ResponseFormat> byParameter(String name) {
        if ( name == null || name.isBlank() )
            return Optional.empty();
        String wanted = name.trim();
        Lang lang = RDFLanguages.fileExtToLang(wanted);
        if ( lang == null )
            lang = RDFLanguages.shortnameToLang(wanted);
        for ( ResponseFormat format : offers ) {
            if ( format.parameterName().equalsIgnoreCase(wanted) || (lang != null && lang.equals(format.lang())) )
                return Optional.of(format);
        }
        return Optional.empty();
    }

    /** The format the {@code Accept} header prefers among those on offer; empty means 406. */
    public Optional<ResponseFormat> byAccept(String acceptHeader) {
        if ( acceptHeader == null || acceptHeader.isBlank() )
            return Optional.of(offers.get(0));
        // Media types are case-insensitive; Jena's ranges compare them as written.
        List<MediaRange> ranges = new AcceptList(acceptHeader.toLowerCase(Locale.ROOT)).entries();
        if ( ranges.isEmpty() )
            return Optional.of(offers.get(0));
        ResponseFormat best = null;
        Match bestMatch = Match.NONE;
        for ( ResponseFormat format : offers ) {
            Match match = match(ranges, format);
            if ( match.betterThan(bestMatch) ) {
                best = format;
                bestMatch = match;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A line per format on offer with its media type and parameter name, for a 406 body or a help text. */
    public String describeOffers() {
        return offers.stream()
            .map(f -> String.format("  %-22s %-10s ?format=%s", f.mediaType(), f.label(), f.parameterName()))
            .collect(Collectors.joining("\n"));
    }

    /**
     * How well the ranges accept a format: by its media type, or by an alternative one that the
     * client names exactly (a wildcard reaches alternatives only through the primary type, so
     * {@code text/turtle;q=0, *}{@code /*} cannot bring Turtle back as {@code application/turtle}).
     */
    private static Match match(List<MediaRange> ranges, ResponseFormat format) {
        Match best = match(ranges, MediaType.create(format.mediaType()));
        for ( String alternative : format.alternativeMediaTypes() ) {
            Match match = match(ranges, MediaType.create(alternative));
            if ( match.specificity() == EXACT && match.betterThan(best) )
                best = match;
        }
        return best;
    }

    /** The most specific range accepting {@code offer} gives its quality (the first such, on a tie). */
    private static Match match(List<MediaRange> ranges, MediaType offer) {
        MediaRange chosen = null;
        int chosenSpecificity = -1;
        for ( MediaRange range : ranges ) {
            if ( !range.accepts(offer) )
                continue;
            int specificity = specificity(range);
            if ( specificity > chosenSpecificity ) {
                chosen = range;
                chosenSpecificity = specificity;
            }
        }
        if ( chosen == null || !(chosen.get_q() > 0) )
            return Match.NONE;
        return new Match(chosen.get_q(), chosenSpecificity);
    }

    private static final int EXACT = 3;

    /** {@value #EXACT} for {@code type/sub}, 2 for {@code type/*}, 0 for {@code *}{@code /*}. */
    private static int specificity(MediaRange range) {
        return (isStar(range.getType()) ? 0 : 2) + (isStar(range.getSubType()) ? 0 : 1);
    }

    private static boolean isStar(String part) {
        return part == null || part.isEmpty() || "*".equals(part);
    }

    /** A quality and how specifically it was matched; NONE is not acceptable. */
    private record Match(double quality, int specificity) {
        static final Match NONE = new Match(0, -1);

        boolean betterThan(Match other) {
            if ( quality <= 0 )
                return false;
            if ( quality != other.quality )
                return quality > other.quality;
            return specificity > other.specificity;
        }
    }
}
