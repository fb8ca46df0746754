package org.diplomacykg.vocab;

import java.util.regex.Pattern;

/** The rule for the readable last segment of IRIs: lower-case ASCII words joined by hyphens. */
public final class Slugs {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Whether the string may be used as a slug, e.g. {@code budapest-summit-2025}. */
    public static boolean isValid(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    /** Returns the slug unchanged, or throws an exception that names it and the rule it breaks. */
    public static String require(String slug) {
        if ( !isValid(slug) )
            throw new IllegalArgumentException("Not a valid slug: '" + slug
                + "' (use lower-case ASCII letters and digits, words joined by single hyphens)");
        return slug;
    }

    private Slugs() {}
}
