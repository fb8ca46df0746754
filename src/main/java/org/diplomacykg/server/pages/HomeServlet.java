package org.diplomacykg.server.pages;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.system.Txn;
import org.diplomacykg.server.KgServer;
import org.diplomacykg.server.PublicUrls;
import org.diplomacykg.server.ServerConfig;
import org.diplomacykg.server.describe.DatasetStatistics;
import org.diplomacykg.server.describe.DatasetStatistics.GraphFigures;
import org.diplomacykg.server.describe.DatasetStatistics.TermCount;
import org.diplomacykg.server.pages.CompetencyQuestions.Question;

/**
 * /: what the service is and holds (triples per named graph, instances per class of the
 * ontology, counted in one read transaction per request), its endpoints, example resources,
 * and a SPARQL editor (YASGUI, served from {@code /static/yasgui/}) with the competency
 * questions of {@code queries/}, each of which loads into the editor and runs.
 */
public final class HomeServlet extends HttpServlet {

    /** Where the competency questions are, relative to the working directory (the project root). */
    static final Path QUERIES_DIR = Path.of("queries");

    private final transient ServerConfig config;
    private final transient List<Question> questions;

    public HomeServlet(ServerConfig config) {
        this(config, CompetencyQuestions.load(QUERIES_DIR));
    }

    HomeServlet(ServerConfig config, List<Question> questions) {
        this.config = config;
        this.questions = questions;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = PublicUrls.base(request, config.baseUrl());
        DatasetStatistics stats = new DatasetStatistics(config.dataset(), config.queryTimeout());
        Map<String, Object> model = Txn.calculateRead(config.dataset(), () -> figures(base, stats));
        String sparql = base + KgServer.DATASET + "/sparql";
        model.put("base", base);
        model.put("sparql", sparql);
        model.put("questions", questions(sparql));
        model.put("writable", config.writable());

        byte[] page = Templates.render("home.ftlh", model).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** The counts, as template data. */
    private static Map<String, Object> figures(String base, DatasetStatistics stats) {
        List<Map<String, Object>> graphs = new ArrayList<>();
        for ( GraphFigures g : stats.namedGraphs() ) {
            graphs.add(Map.of(
                "iri", g.graph(),
                "description", g.description(),
                "triples", g.triples(),
                "dump", base + KgServer.DATASET + "/get?graph=" + URLEncoder.encode(g.graph(), StandardCharsets.UTF_8)));
        }
        List<Map<String, Object>> classes = new ArrayList<>();
        for ( TermCount c : stats.ontologyClasses() ) {
            classes.add(Map.of(
                "iri", c.iri(),
                "label", c.label() == null ? c.iri() : c.label(),
                "href", PublicUrls.local(c.iri(), base),
                "instances", c.count()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("triples", stats.union().triples());
        model.put("graphs", graphs);
        model.put("classes", classes);
        return model;
    }

    /** The questions, with a link that runs each one on the endpoint (for browsers without script). */
    private List<Map<String, Object>> questions(String sparql) {
        List<Map<String, Object>> out = new ArrayList<>();
        for ( Question q : questions ) {
            out.add(Map.of(
                "id", q.id(),
                "file", q.file(),
                "question", q.question(),
                "notes", q.notes(),
                "query", q.query(),
                "run", sparql + "?query=" + URLEncoder.encode(q.query(), StandardCharsets.UTF_8)));
        }
        return out;
    }
}
