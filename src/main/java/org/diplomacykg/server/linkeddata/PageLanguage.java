package org.diplomacykg.server.linkeddata;

import java.util.List;
import java.util.Locale;

/**
 * The language of a page's labels: {@code ?lang=en|id} when given, else the first of English and
 * Indonesian that {@code Accept-Language} prefers (Java's {@link Locale.LanguageRange} parses
 * the q-values), else English.
 */
final class PageLanguage {

    static final String ENGLISH = "en";
    static final String INDONESIAN = "id";

    /** The languages the data labels things in, in order of preference when nothing is asked for. */
    static final List<String> SUPPORTED = List.of(ENGLISH, INDONESIAN);

    static String choose(String langParameter, String acceptLanguage) {
        if ( langParameter != null && SUPPORTED.contains(langParameter) )
            return langParameter;
        if ( acceptLanguage == null || acceptLanguage.isBlank() )
            return ENGLISH;
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return tag == null ? ENGLISH : tag;
        } catch (IllegalArgumentException ex) {
            // A malformed header asks for nothing in particular.
            return ENGLISH;
        }
    }

    private PageLanguage() {}
}
