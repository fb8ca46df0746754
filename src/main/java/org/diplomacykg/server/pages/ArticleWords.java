package org.diplomacykg.server.pages;

import java.util.Map;

/** The words of the article pages, in English and Indonesian. */
final class ArticleWords {

    private static final Map<String, String> EN = Map.ofEntries(
        Map.entry("article", "Article"),
        Map.entry("articles", "Articles"),
        Map.entry("intro", "The article's text, with every evidence span highlighted. Select a highlight to see the facts it supports."),
        Map.entry("spans", "Evidence spans"),
        Map.entry("supports", "supports"),
        Map.entry("noFacts", "No fact names this span."),
        Map.entry("within", "within"),
        Map.entry("introduces", "the evidence of"),
        Map.entry("inText", "in the text"),
        Map.entry("notInText", "not found in the text"),
        Map.entry("withoutSpan", "Facts without a span"),
        Map.entry("withoutSpanIntro", "What the article's graph says that no span of the text supports."),
        Map.entry("noText", "The text of this article is not available; its facts are listed below."),
        Map.entry("notFound", "No such article"),
        Map.entry("unknown", "No article is known as"),
        Map.entry("none", "No articles are loaded."),
        Map.entry("available", "Articles"),
        Map.entry("loadedBy", "Loaded by"),
        Map.entry("changedBy", "last changed by"),
        Map.entry("on", "on"));

    private static final Map<String, String> ID = Map.ofEntries(
        Map.entry("article", "Artikel"),
        Map.entry("articles", "Artikel"),
        Map.entry("intro", "Teks artikel, dengan setiap rentang bukti disorot. Pilih sorotan untuk melihat fakta yang didukungnya."),
        Map.entry("spans", "Rentang bukti"),
        Map.entry("supports", "mendukung"),
        Map.entry("noFacts", "Tidak ada fakta yang menyebut rentang ini."),
        Map.entry("within", "di dalam"),
        Map.entry("introduces", "bukti untuk"),
        Map.entry("inText", "di teks"),
        Map.entry("notInText", "tidak ditemukan di teks"),
        Map.entry("withoutSpan", "Fakta tanpa rentang"),
        Map.entry("withoutSpanIntro", "Apa yang dikatakan graf artikel tanpa didukung rentang teks."),
        Map.entry("noText", "Teks artikel ini tidak tersedia; faktanya tercantum di bawah."),
        Map.entry("notFound", "Artikel tidak ada"),
        Map.entry("unknown", "Tidak ada artikel yang dikenal sebagai"),
        Map.entry("none", "Belum ada artikel yang dimuat."),
        Map.entry("available", "Artikel"),
        Map.entry("loadedBy", "Dimuat oleh"),
        Map.entry("changedBy", "terakhir diubah oleh"),
        Map.entry("on", "pada"));

    static Map<String, String> of(String lang) {
        return "id".equals(lang) ? ID : EN;
    }

    private ArticleWords() {}
}
