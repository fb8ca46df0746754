package org.diplomacykg.server.pages;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.system.Txn;
import org.diplomacykg.server.PublicUrls;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.http.ContentNegotiation;
import org.diplomacykg.server.http.NegotiatedResponses;
import org.diplomacykg.server.http.ResponseFormat;
import org.diplomacykg.server.http.Responses;
import org.diplomacykg.vocab.Slugs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /article/{slug}: an article's text with its evidence spans highlighted, each listing the
 * facts it supports ({@link ArticleEvidence}); /article/ lists the articles. An unknown or
 * invalid slug is a 404 page listing them. English or Indonesian words and labels
 * ({@code ?lang=}, {@code Accept-Language}), as the timeline pages.
 */
public final class ArticlePageServlet extends HttpServlet {

    /** Only a page is on offer; any other {@code ?format=} or {@code Accept} gets the usual 406. */
    static final ContentNegotiation FORMATS = ContentNegotiation.of(ResponseFormat.HTML);

    private static final Logger LOG = LoggerFactory.getLogger(ArticlePageServlet.class);

    private final transient ServerConfig config;

    public ArticlePageServlet(ServerConfig config) {
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            respond(request, response);
        } catch (RuntimeException ex) {
            // As the resource pages: a short message, the details in the log, not in the page.
            LOG.error("Could not answer {}", request.getRequestURI(), ex);
            Responses.couldNotRead(response);
        }
    }

    private void respond(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ( NegotiatedResponses.choose(request, response, FORMATS).isEmpty() ) {
            NegotiatedResponses.notAcceptable(response, FORMATS, "This page");
            return;
        }
        String lang = TimelineServlet.language(request);
        String base = PublicUrls.base(request, config.baseUrl());
        String pathInfo = request.getPathInfo();
        String slug = pathInfo == null || pathInfo.equals("/") ? null : pathInfo.substring(1);
        String path = EvidenceAnchors.PATH + (slug == null ? "" : slug);

        Map<String, Object> model = common(lang, base, path);
        int status = Txn.calculateRead(config.dataset(), () -> {
            ArticleEvidence evidence = new ArticleEvidence(config.dataset(), lang, base);
            Optional<ArticleEvidence.Article> article = slug == null || !Slugs.isValid(slug)
                ? Optional.empty() : evidence.article(slug, config.articlesDir());
            if ( article.isPresent() ) {
                model.put("view", "article");
                model.put("article", article.get());
                ArticleHistory.of(config.dataset(), slug).ifPresent(history -> model.put("history", history));
                return HttpServletResponse.SC_OK;
            }
            model.put("view", slug == null ? "index" : "missing");
            model.put("asked", slug == null ? "" : shorten(slug));
            model.put("articles", evidence.articles());
            return slug == null ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND;
        });
        response.setHeader("Content-Language", lang);
        response.setHeader("Vary", "Accept, Accept-Language");
        Responses.html(response, status, Templates.render("article.ftlh", model));
    }

    private static Map<String, Object> common(String lang, String base, String path) {
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("base", base);
        model.put("t", ArticleWords.of(lang));
        String other = "id".equals(lang) ? "en" : "id";
        model.put("languages", List.of(Map.of("lang", other, "name", "id".equals(other) ? "Bahasa Indonesia" : "English",
                                              "href", base + path + "?lang=" + other)));
        return model;
    }

    private static String shorten(String name) {
        return name.length() > 80 ? name.substring(0, 80) + "\u2026" : name;
    }
}
