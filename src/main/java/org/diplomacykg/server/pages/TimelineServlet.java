package org.diplomacykg.server.pages;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.server.PublicUrls;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.http.NegotiatedResponses;
import org.diplomacykg.vocab.Slugs;

/**
 * /timeline/{slug}: the timeline of a negotiating position or a state, as an SVG picture and a
 * table of the same events. /timeline/ lists the timelines there are; anything else that is
 * not a position or a state is a 404 page that says why and lists them too. Labels are in
 * English, or Indonesian with {@code ?lang=id} or {@code Accept-Language: id}.
 */
public final class TimelineServlet extends HttpServlet {

    private final transient ServerConfig config;

    public TimelineServlet(ServerConfig config) {
        this.config = config;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Only a page is on offer: another ?format= (or Accept) gets the 406 every endpoint gives.
        if ( NegotiatedResponses.choose(request, response, ArticlePageServlet.FORMATS).isEmpty() ) {
            NegotiatedResponses.notAcceptable(response, ArticlePageServlet.FORMATS, "This page");
            return;
        }
        String lang = language(request);
        TimelinePage page = new TimelinePage(PublicUrls.base(request, config.baseUrl()), lang);
        String pathInfo = request.getPathInfo();
        if ( pathInfo == null || pathInfo.equals("/") ) {
            send(response, HttpServletResponse.SC_OK, lang, page.missing(available(lang), "/timeline/", null));
            return;
        }
        String slug = pathInfo.substring(1);
        String path = "/timeline/" + slug;
        if ( !Slugs.isValid(slug) ) {
            send(response, HttpServletResponse.SC_NOT_FOUND, lang, page.missing(available(lang), "/timeline/", page.invalid(slug)));
            return;
        }
        TimelineData.Result result = TimelineData.load(config.dataset(), PublicUrls.thing(slug), lang);
        if ( result instanceof TimelineData.Found found )
            send(response, HttpServletResponse.SC_OK, lang, page.timeline(found.timeline(), path));
        else if ( result instanceof TimelineData.NotApplicable thing )
            send(response, HttpServletResponse.SC_NOT_FOUND, lang, page.missing(available(lang), path, page.notApplicable(thing)));
        else
            send(response, HttpServletResponse.SC_NOT_FOUND, lang, page.missing(available(lang), path, page.unknown(PublicUrls.thing(slug))));
    }

    private List<TimelineData.Entry> available(String lang) {
        return TimelineData.available(config.dataset(), lang);
    }

    private static void send(HttpServletResponse response, int status, String lang, Map<String, Object> model) throws IOException {
        String html = Templates.render("timeline.ftlh", model);
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Content-Language", lang);
        response.setHeader("Vary", "Accept, Accept-Language");
        response.getWriter().write(html);
    }

    /**
     * The page language: {@code ?lang=} if it names one the pages are written in, else the
     * first of those in Accept-Language (in its order of preference), else English.
     */
    static String language(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if ( asked != null && TimelinePage.LANGUAGES.contains(asked.toLowerCase(Locale.ROOT)) )
            return asked.toLowerCase(Locale.ROOT);
        if ( request.getHeader("Accept-Language") != null )
            for ( Locale locale : Collections.list(request.getLocales()) ) {
                String language = locale.getLanguage();
                // Java may spell Indonesian by its old code "in".
                if ( "in".equals(language) )
                    language = "id";
                if ( TimelinePage.LANGUAGES.contains(language) )
                    return language;
            }
        return TimelinePage.LANGUAGES.get(0);
    }
}
