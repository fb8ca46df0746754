package org.diplomacykg.server.linkeddata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The language of a page's labels, from ?lang= and Accept-Language. */
class TestPageLanguage {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id                              | id",
        "id-ID,id;q=0.9,en-US;q=0.8      | id",
        "en-US,en;q=0.9,id;q=0.8         | en",
        "fr-FR,fr;q=0.9                  | en",
        "fr, id;q=0.5                    | id",
        "id;q=0.2, en;q=0.8              | en",
        "en;q=0, id                      | id",
        "not a language range;;;         | en",
    })
    void acceptLanguageDecides(String header, String expected) {
        assertEquals(expected, PageLanguage.choose(null, header), header);
    }

    @Test
    void noHeaderMeansEnglish() {
        assertEquals("en", PageLanguage.choose(null, null));
        assertEquals("en", PageLanguage.choose(null, ""));
    }

    @Test
    void parameterOverridesHeaderWhenSupported() {
        assertEquals("id", PageLanguage.choose("id", "en"));
        assertEquals("en", PageLanguage.choose("en", "id"));
        assertEquals("id", PageLanguage.choose("xx", "id"));
    }
}
