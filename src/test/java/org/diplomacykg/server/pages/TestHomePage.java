package org.diplomacykg.server.pages;

import static org.diplomacykg.SparqlClient.get;
import static org.diplomacykg.SparqlClient.mediaType;
import static org.diplomacykg.SparqlClient.requireOk;
import static org.diplomacykg.SparqlClient.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.diplomacykg.KgServerExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The home page: what the service holds, its endpoints, and a SPARQL editor with the competency questions. */
class TestHomePage {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.project();
    private static String page;

    @BeforeAll
    static void start() {
        HttpResponse<String> response = get(kg.baseUrl() + "/", BROWSER);
        requireOk(response);
        assertEquals("text/html", mediaType(response));
        page = response.body();
    }

    @Test
    void listsTheEndpoints() {
        for ( String path : List.of("/kg/sparql", "/kg/query", "/kg/get", "/id/{slug}", "/ontology",
                                    "/.well-known/void", "/$/ping") )
            assertTrue(page.contains("<code>" + path + "</code>"), "endpoint table lacks " + path);
        assertTrue(page.contains("read-only"), "the page says writes are disabled");
        assertTrue(page.contains(kg.baseUrl() + "/id/sergey-lavrov"), "example resource link");
        assertTrue(page.contains(kg.baseUrl() + "/timeline/russia-position-on-ukraine"), "timeline link");
    }

    @Test
    void graphCountsAreWhatSparqlCounts() {
        ResultSetRewindable rows = select(kg.sparqlUrl(),
            "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g");
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEachRemaining(row -> counts.put(row.getResource("g").getURI(), row.getLiteral("n").getLong()));
        assertTrue(counts.size() >= 5, "ontology, reference, inferred, explanations and at least one source graph");
        for ( Map.Entry<String, Long> e : counts.entrySet() ) {
            Pattern row = Pattern.compile("<code>" + Pattern.quote(e.getKey()) + "</code>.*?<td class=\"num\">(\\d+)</td>");
            Matcher m = row.matcher(page);
            assertTrue(m.find(), "no row for graph " + e.getKey());
            assertEquals(e.getValue(), Long.valueOf(m.group(1)), "triples of " + e.getKey());
        }
        long union = select(kg.sparqlUrl(), "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").next().getLiteral("n").getLong();
        assertTrue(page.contains(union + " triples in " + counts.size() + " named graphs"), "union total");
    }

    @Test
    void classCountsIncludeInferredInstances() {
        // dkg:State instances are asserted; dkg:Meeting instances are mostly sub-class instances.
        for ( String label : List.of("state", "meeting", "summit", "official") ) {
            String cls = "https://w3id.org/diplomacy-kg/ontology#" + Character.toUpperCase(label.charAt(0)) + label.substring(1);
            long expected = select(kg.sparqlUrl(), "SELECT (COUNT(DISTINCT ?x) AS ?n) { ?x a <" + cls + "> }")
                .next().getLiteral("n").getLong();
            assertTrue(expected > 0, "the data has instances of " + cls);
            Pattern row = Pattern.compile("title=\"" + Pattern.quote(cls) + "\">" + label + "</a></td><td class=\"num\">(\\d+)</td>");
            Matcher m = row.matcher(page);
            assertTrue(m.find(), "no row for class " + cls);
            assertEquals(expected, Long.parseLong(m.group(1)), "instances of " + cls);
        }
    }

    @Test
    void everyOntologyClassHasARow() {
        ResultSetRewindable rows = select(kg.sparqlUrl(), """
            SELECT ?c { GRAPH <https://w3id.org/diplomacy-kg/graph/ontology> { ?c a <http://www.w3.org/2002/07/owl#Class> }
                        FILTER(STRSTARTS(STR(?c), "https://w3id.org/diplomacy-kg/ontology#")) }""");
        int n = 0;
        while ( rows.hasNext() ) {
            QuerySolution row = rows.next();
            assertTrue(page.contains("title=\"" + row.getResource("c").getURI() + "\""), "no row for " + row.get("c"));
            n++;
        }
        assertTrue(n > 10, "the ontology has its classes");
    }

    @Test
    void showsEveryCompetencyQuestion() throws IOException {
        String text = unescape(page);
        List<Path> files = queryFiles();
        assertFalse(files.isEmpty());
        for ( Path file : files ) {
            String first = Files.readAllLines(file).get(0).replaceFirst("^#\\s*", "");
            String question = first.contains("?") ? first.substring(0, first.indexOf('?') + 1) : first;
            assertTrue(text.contains(question), "page lacks the question of " + file + ": " + question);
            assertTrue(page.contains("queries/" + file.getFileName()), "page lacks " + file.getFileName());
        }
        // Each question's query is in the page, for the editor to load.
        String q13 = Files.readString(Path.of("queries/13-russia-position-unchanged-since.rq")).strip();
        assertTrue(text.contains(q13), "query text of Q13");
    }

    @Test
    void editorScriptAndStylesAreServedHere() {
        String script = attribute("<script src=\"([^\"]*yasgui\\.min\\.js)\"");
        assertEquals(kg.baseUrl() + "/static/yasgui/yasgui.min.js", script);
        HttpResponse<String> js = get(script, "*/*");
        requireOk(js);
        assertTrue(List.of("application/javascript", "text/javascript").contains(mediaType(js)), mediaType(js));
        assertTrue(js.body().contains("Yasgui"), "the YASGUI bundle");

        String css = attribute("<link rel=\"stylesheet\" href=\"([^\"]*yasgui\\.min\\.css)\"");
        HttpResponse<String> style = get(css, "text/css");
        requireOk(style);
        assertEquals("text/css", mediaType(style));

        assertTrue(page.contains("data-endpoint=\"" + kg.sparqlUrl() + "\""), "the editor queries this endpoint");
    }

    @Test
    void pageLoadsNothingFromElsewhere() {
        // Every script and stylesheet comes from this server: the machine may have no internet.
        Matcher m = Pattern.compile("<(?:script|link)[^>]*(?:src|href)=\"([^\"]*)\"").matcher(page);
        int n = 0;
        while ( m.find() ) {
            assertTrue(m.group(1).startsWith(kg.baseUrl() + "/static/"), "loads " + m.group(1));
            n++;
        }
        assertEquals(3, n, "style.css, yasgui.min.css, yasgui.min.js");
        // The autocompleters that call prefix.cc and Linked Open Vocabularies are switched off.
        assertTrue(page.contains("autocompleters = [\"variables\"]"));
    }

    @Test
    void onlyTheRootIsTheHomePage() {
        for ( String path : List.of("/index.html", "/home", "/nothing-here", "/static") )
            assertEquals(404, get(kg.baseUrl() + path, BROWSER).statusCode(), path);
    }

    @Test
    void questionsParseFromLeadingComments() {
        CompetencyQuestions.Question q = CompetencyQuestions.parse("14-why.rq", """
            # Q14. Why is it so? The rule that derived it and
            # the premises it rests on.
            PREFIX dkg: <https://w3id.org/diplomacy-kg/ontology#>
            # not a note
            SELECT * { ?s ?p ?o }
            """);
        assertEquals("Q14. Why is it so?", q.question());
        assertEquals("The rule that derived it and the premises it rests on.", q.notes());
        assertEquals("14-why", q.id());
        assertTrue(q.query().startsWith("# Q14."));
        assertTrue(CompetencyQuestions.load(Path.of("no-such-directory")).isEmpty());
    }

    private static String attribute(String regex) {
        Matcher m = Pattern.compile(regex).matcher(page);
        assertTrue(m.find(), "page lacks " + regex);
        assertNotNull(m.group(1));
        return m.group(1);
    }

    private static List<Path> queryFiles() throws IOException {
        try ( Stream<Path> files = Files.list(Path.of("queries")) ) {
            return new ArrayList<>(files.filter(f -> f.toString().endsWith(".rq")).sorted().toList());
        }
    }

    /** The entities FreeMarker's HTML escaping produces. */
    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                   .replace("&#39;", "'").replace("&amp;", "&");
    }
}
