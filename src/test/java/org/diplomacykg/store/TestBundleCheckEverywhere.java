package org.diplomacykg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.diplomacykg.Main;
import org.diplomacykg.SparqlClient;
import org.diplomacykg.TestServers;
import org.diplomacykg.vocab.Graphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The mistakes a new author makes, each run through every path a bundle can take: {@code
 * validate --data DIR}, {@code validate BUNDLE}, the load {@code serve} does at start, {@code
 * load --tdb}, {@code PUT /kg/articles/{slug}} and a Graph Store write into the article's graph.
 * Every path must give the same verdict in the same words (the {@link BundleCheck}'s findings),
 * and each finding must name the thing (never {@code []}) and say what to change.
 */
class TestBundleCheckEverywhere {

    private static final String SLUG = "test-statement-2025-11-21";
    private static final String USER = "alice";
    private static final String PASSWORD = "secret words";

    /** A made-up text for the test, not an article of the graph. */
    private static final String TEXT = """
        Test text, made up for the checks. On 21 November 2025 Lavrov said the talks would "continue in December".
        The call with Rubio lasted an hour. Lavrov said that the call was useful.
        Sources said the call was useful.
        """;

    private static final String GOOD = """
        @prefix :     <https://w3id.org/diplomacy-kg/id/> .
        @prefix dkg:  <https://w3id.org/diplomacy-kg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
        @prefix oa:   <http://www.w3.org/ns/oa#> .
        @prefix owl:  <http://www.w3.org/2002/07/owl#> .
        @prefix prov: <http://www.w3.org/ns/prov#> .

        <https://w3id.org/diplomacy-kg/graph/source/SLUG> a owl:Ontology ;
            owl:imports <https://w3id.org/diplomacy-kg/graph/reference> ;
            prov:wasDerivedFrom :article-SLUG .

        :article-SLUG a dkg:Article ;
            rdfs:label "Test statement"@en .

        :call-SLUG a dkg:PhoneCall ;
            rdfs:label "the call with Rubio"@en ;
            dkg:status dkg:Held ;
            dkg:participant :sergey-lavrov ;
            dkg:evidence :SLUG-span-call .

        :statement-SLUG a dkg:Statement ;
            rdfs:label "Lavrov on the talks"@en ;
            dkg:attributedTo :sergey-lavrov ;
            dkg:evidence :SLUG-span-talks .

        :sources-SLUG a dkg:UnnamedSource ;
            rdfs:label "sources"@en .

        :claim-SLUG a dkg:Claim ;
            rdfs:label "the call was useful, say sources"@en ;
            dkg:attributedTo :sources-SLUG ;
            dkg:content "the call was useful"@en ;
            dkg:evidence :SLUG-span-useful .

        :SLUG-span-call a oa:TextQuoteSelector ;
            oa:exact "The call with Rubio lasted an hour" ;
            dkg:inArticle :article-SLUG .

        :SLUG-span-talks a oa:TextQuoteSelector ;
            oa:exact "Lavrov said the talks would \\"continue in December\\"" ;
            dkg:inArticle :article-SLUG .

        :SLUG-span-useful a oa:TextQuoteSelector ;
            oa:exact "the call was useful" ;
            oa:prefix "Sources said " ;
            dkg:inArticle :article-SLUG .
        """.replace("SLUG", SLUG);

    @TempDir
    static Path tmp;

    private static Path referenceOnly;
    private static TestServers.Running server;
    private static Path tdb;
    private static int cases;

    @BeforeAll
    static void start() throws IOException {
        referenceOnly = tmp.resolve("reference-only");
        Files.createDirectories(referenceOnly);
        Files.copy(Path.of("data/reference.ttl"), referenceOnly.resolve("reference.ttl"));
        Path passwd = tmp.resolve("passwd");
        Files.writeString(passwd, USER + ": " + PASSWORD + "\n");
        server = TestServers.startWritable(Path.of("ontology"), referenceOnly, passwd);
        tdb = tmp.resolve("tdb");
        try ( TdbStore store = StoreStack.at(tdb).open() ) {
            store.initialise(new DataLayout(Path.of("ontology"), referenceOnly));
        }
    }

    /** Loads as the load command does, with a connection of its own (see LoadCommand on refusals). */
    private static StoreLoader.Outcome load(Path bundle) {
        try ( TdbStore store = StoreStack.at(tdb).open() ) {
            return new StoreLoader(store.datasetGraph(), ShaclGate.fromFile(Path.of("ontology/shapes.ttl")))
                .loadBundle(ArticleBundle.of(bundle));
        }
    }

    @AfterAll
    static void stop() {
        if ( server != null )
            server.close();
    }

    @Test
    void aGoodBundlePassesEveryPathAndLoadAndPutCountTheSameTriples() throws IOException {
        Path data = bundle(GOOD, TEXT);
        assertEquals(Map.of(), disagreements(verdicts(data, GOOD, TEXT), Set.of()));
        long loaded = load(data.resolve("articles").resolve(SLUG)).triples();
        HttpResponse<String> put = put(GOOD, TEXT);
        assertEquals(200, put.statusCode(), put::body);
        assertEquals(loaded, ((JsonObject) JSON.parseAny(put.body())).get("triples").getAsNumber().value().longValue(),
                     "load and PUT count the same bundle alike");
    }

    @Test
    void aSyntaxErrorIsNamedByLineAndColumnOnEveryPath() throws IOException {
        String facts = GOOD.replace("rdfs:label \"Test statement\"@en .", "rdfs:label \"Test statement\"@en");
        Map<String, List<Finding>> verdicts = verdicts(bundle(facts, TEXT), facts, TEXT);
        Finding syntax = only(verdicts.get("validate --data"), Finding.SYNTAX);
        assertTrue(syntax.line() > 0 && syntax.column() > 0, syntax::text);
        for ( Map.Entry<String, List<Finding>> path : verdicts.entrySet() ) {
            if ( path.getKey().equals("SPARQL update") ) {
                // An update is SPARQL: its syntax errors are the SPARQL parser's, answered 400.
                assertTrue(path.getValue().get(0).message().contains("line"), path::toString);
                continue;
            }
            if ( path.getKey().equals("graph store") ) {
                // Fuseki's own Graph Store answers a syntax error with text: the same words, as text.
                assertTrue(path.getValue().get(0).message().contains(syntax.message()), path::toString);
                continue;
            }
            Finding f = only(path.getValue(), Finding.SYNTAX);
            assertEquals(List.of(syntax.line(), syntax.column(), syntax.message(), syntax.fix()),
                         List.of(f.line(), f.column(), f.message(), f.fix()), path.getKey());
        }
    }

    @Test
    void anIllTypedDateIsATermAndAShapeFindingEverywhere() throws IOException {
        String facts = GOOD.replace("dkg:status dkg:Held ;", "dkg:status dkg:Held ;\n    dkg:date \"21 November 2025\"^^xsd:dateTime ;");
        Set<Finding> agreed = agreed(facts, TEXT);
        assertTrue(agreed.stream().anyMatch(f -> f.check().equals(Finding.TERM) && f.message().contains("not a valid xsd:dateTime")), agreed::toString);
        assertTrue(agreed.stream().anyMatch(f -> f.check().equals(Finding.SHAPE) && f.focus().endsWith("call-" + SLUG)), agreed::toString);
    }

    @Test
    void aFolderNamedOtherwiseThanTheArticleIsRefusedEverywhere() throws IOException {
        String facts = GOOD.replace(":article-" + SLUG, ":article-some-other-slug");
        Set<Finding> agreed = agreed(facts, TEXT);
        assertTrue(agreed.stream().anyMatch(f -> f.check().equals(Finding.ARTICLE) && f.focus().endsWith("article-some-other-slug")
            && f.fix().contains("id:article-" + SLUG)), agreed::toString);
        assertTrue(agreed.stream().filter(f -> f.check().equals(Finding.ARTICLE)).allMatch(f -> f.name() != null));
    }

    @Test
    void aSpanWithTypographicQuotesShowsTheTextsOwnCharacters() throws IOException {
        String facts = GOOD.replace("\\\"continue in December\\\"", "\u201Ccontinue in December\u201D");
        Set<Finding> agreed = agreed(facts, TEXT);
        Finding span = only(List.copyOf(agreed), Finding.SPAN);
        assertEquals("Lavrov said the talks would \u201Ccontinue in December\u201D", span.label());
        assertTrue(span.fix().contains("the text has \"Lavrov said the talks would \"continue in December\"\"")
                   && span.fix().contains("U+201C"), span::text);
    }

    @Test
    void aRepeatedSpanWithoutPrefixIsRefusedEverywhere() throws IOException {
        String facts = GOOD.replace("    oa:prefix \"Sources said \" ;\n", "");
        Finding span = only(List.copyOf(agreed(facts, TEXT)), Finding.SPAN);
        assertTrue(span.message().contains("occurs 2 times") && span.fix().contains("oa:prefix"), span::text);
    }

    @Test
    void aSpanWithoutItsArticleIsNamedByItsWords() throws IOException {
        String facts = GOOD.replace("    oa:exact \"The call with Rubio lasted an hour\" ;\n    dkg:inArticle :article-" + SLUG + " .",
                                    "    oa:exact \"The call with Rubio lasted an hour\" .");
        Finding shape = only(List.copyOf(agreed(facts, TEXT)), Finding.SHAPE);
        assertEquals("\"The call with Rubio lasted an hour\" id:" + SLUG + "-span-call", shape.name());
        assertEquals("add dkg:inArticle id:article-" + SLUG + " to id:" + SLUG + "-span-call", shape.fix());
    }

    @Test
    void anUntypedSpeakerGetsTheShapesMessageAndTheTypeToAdd() throws IOException {
        String facts = GOOD.replace("dkg:attributedTo :sergey-lavrov ;\n    dkg:evidence :" + SLUG + "-span-talks",
                                    "dkg:attributedTo :a-spokesperson ;\n    dkg:evidence :" + SLUG + "-span-talks");
        Finding shape = only(List.copyOf(agreed(facts, TEXT)), Finding.SHAPE);
        assertTrue(shape.message().startsWith("A statement, report or claim says who says so"), shape::text);
        assertTrue(shape.fix().contains("id:a-spokesperson a dkg:Agent") && shape.fix().contains("dkg:Person")
                   && shape.fix().contains("data/reference.ttl"), shape::text);
    }

    @Test
    void aMeetingWithoutStatusAndAClaimWithoutContentAreNamedWithWhatToAdd() throws IOException {
        String facts = GOOD.replace("    dkg:status dkg:Held ;\n", "").replace("    dkg:content \"the call was useful\"@en ;\n", "");
        Set<Finding> agreed = agreed(facts, TEXT);
        assertEquals(2, agreed.size(), agreed::toString);
        assertTrue(agreed.stream().anyMatch(f -> f.name().equals("\"the call with Rubio\" id:call-" + SLUG)
            && f.fix().startsWith("add dkg:status with one of dkg:Held")), agreed::toString);
        assertTrue(agreed.stream().anyMatch(f -> f.focus().endsWith("claim-" + SLUG) && f.fix().startsWith("add dkg:content")), agreed::toString);
    }

    // --- the paths ------------------------------------------------------------------------

    /** The findings every path agrees on, asserting that they agree and that there are some. */
    private Set<Finding> agreed(String facts, String text) throws IOException {
        Path data = bundle(facts, text);
        Map<String, List<Finding>> verdicts = verdicts(data, facts, text);
        Set<Finding> first = placeless(verdicts.get("validate --data"));
        assertFalse(first.isEmpty(), "the mistake is found");
        assertEquals(Map.of(), disagreements(verdicts, first));
        // Where the facts are a file or the request's "facts", every finding on a thing written there is placed.
        for ( String path : List.of("validate --data", "validate BUNDLE", "serve", "load", "PUT /kg/articles") )
            for ( Finding f : verdicts.get(path) )
                assertTrue(f.file() != null && (f.line() > 0 || f.check().equals(Finding.TERM)), () -> path + ": " + f.text());
        return first;
    }

    /** The paths whose findings differ from {@code expected}, with theirs. */
    private static Map<String, Set<Finding>> disagreements(Map<String, List<Finding>> verdicts, Set<Finding> expected) {
        Map<String, Set<Finding>> differ = new LinkedHashMap<>();
        verdicts.forEach((path, findings) -> {
            if ( !placeless(findings).equals(expected) )
                differ.put(path, placeless(findings));
        });
        return differ;
    }

    private static Set<Finding> placeless(List<Finding> findings) {
        Set<Finding> set = new LinkedHashSet<>();
        findings.forEach(f -> set.add(f.withoutPlace()));
        return set;
    }

    private Map<String, List<Finding>> verdicts(Path data, String facts, String text) {
        Map<String, List<Finding>> verdicts = new LinkedHashMap<>();
        verdicts.put("validate --data", validate("--data", data.toString()));
        verdicts.put("validate BUNDLE", validate("--data", referenceOnly.toString(), data.resolve("articles").resolve(SLUG).toString()));
        verdicts.put("serve", findings(() -> Store.loadTemporary(new DataLayout(Path.of("ontology"), data))));
        verdicts.put("load", findings(() -> load(data.resolve("articles").resolve(SLUG))));
        verdicts.put("PUT /kg/articles", findings(put(facts, text)));
        verdicts.put("graph store", findings(graphStore(facts, text)));
        verdicts.put("SPARQL update", findings(update(facts, text)));
        return verdicts;
    }

    private static List<Finding> validate(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(new ByteArrayOutputStream(), true));
        List<String> all = new ArrayList<>(List.of("validate", "--format", "json", "--ontology", "ontology"));
        all.addAll(List.of(args));
        int code = cmd.execute(all.toArray(String[]::new));
        List<Finding> findings = parse(out.toString(StandardCharsets.UTF_8));
        assertEquals(findings.isEmpty() ? 0 : 1, code, "validate exits 1 on any finding");
        return findings;
    }

    private static List<Finding> findings(Runnable load) {
        try {
            load.run();
            return List.of();
        } catch (LoadException ex) {
            assertFalse(ex.findings().isEmpty(), ex::getMessage);
            return ex.findings();
        }
    }

    private static List<Finding> findings(HttpResponse<String> response) {
        if ( response.statusCode() / 100 == 2 )
            return List.of();
        assertTrue(response.statusCode() == 422 || response.statusCode() == 400, () -> response.statusCode() + " " + response.body());
        if ( response.headers().firstValue("Content-Type").orElse("").startsWith("application/json") )
            return parse(response.body());
        return List.of(new Finding(Finding.SYNTAX, null, -1, -1, null, null, response.body(), null));
    }

    private static List<Finding> parse(String json) {
        JsonObject report = (JsonObject) JSON.parseAny(json);
        List<Finding> findings = new ArrayList<>();
        for ( JsonValue v : report.get("findings").getAsArray() ) {
            JsonObject f = v.getAsObject();
            findings.add(new Finding(string(f, "check"), string(f, "file"), number(f, "line"), number(f, "column"),
                                     string(f, "focus"), string(f, "label"), string(f, "message"), string(f, "fix")));
        }
        assertEquals(findings.isEmpty(), report.get("conforms").getAsBoolean().value());
        return findings;
    }

    private static String string(JsonObject o, String key) {
        return o.hasKey(key) ? o.get(key).getAsString().value() : null;
    }

    private static long number(JsonObject o, String key) {
        return o.hasKey(key) ? o.get(key).getAsNumber().value().longValue() : -1;
    }

    private static HttpResponse<String> put(String facts, String text) {
        JsonObject body = new JsonObject();
        body.put("text", text);
        body.put("facts", facts);
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/kg/articles/" + SLUG))
            .header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body.toString())));
    }

    /** The facts and, as PUT stores it, the text, written to the article's graph with the Graph Store Protocol. */
    private static HttpResponse<String> graphStore(String facts, String text) {
        String withText = facts + "\n<https://w3id.org/diplomacy-kg/id/article-" + SLUG + "> <https://w3id.org/diplomacy-kg/ontology#text> \""
            + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\" .\n";
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/kg/data?graph="
                + URLEncoder.encode(Graphs.sourceGraph(SLUG), StandardCharsets.UTF_8)))
            .header("Content-Type", "text/turtle").PUT(BodyPublishers.ofString(withText)));
    }

    /** The same as one SPARQL update: the graph dropped and the facts and text inserted, in one request. */
    private static HttpResponse<String> update(String facts, String text) {
        StringBuilder prologue = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for ( String line : facts.split("\n", -1) ) {
            if ( line.startsWith("@prefix") )
                prologue.append(line.replaceFirst("^@prefix", "PREFIX").replaceFirst("\\s*\\.\\s*$", "")).append('\n');
            else
                body.append(line).append('\n');
        }
        String g = Graphs.sourceGraph(SLUG);
        String update = prologue + "DROP SILENT GRAPH <" + g + "> ;\nINSERT DATA { GRAPH <" + g + "> {\n" + body
            + "<https://w3id.org/diplomacy-kg/id/article-" + SLUG + "> <https://w3id.org/diplomacy-kg/ontology#text> \""
            + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\" .\n} }";
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/kg/update"))
            .header("Content-Type", "application/sparql-update").POST(BodyPublishers.ofString(update)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        request.header("Accept", "application/json").header("Authorization", "Basic "
            + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return SparqlClient.send(HttpClient.newHttpClient(), request);
    }

    /** A data folder with the reference data and the bundle. */
    private static Path bundle(String facts, String text) throws IOException {
        Path data = tmp.resolve("case-" + (++cases));
        Path dir = data.resolve("articles").resolve(SLUG);
        Files.createDirectories(dir);
        Files.copy(Path.of("data/reference.ttl"), data.resolve("reference.ttl"));
        Files.writeString(dir.resolve("facts.ttl"), facts);
        Files.writeString(dir.resolve("text.en.txt"), text);
        return data;
    }

    private static Finding only(List<Finding> findings, String check) {
        List<Finding> of = findings.stream().filter(((Predicate<Finding>) f -> f.check().equals(check))).toList();
        assertEquals(1, of.size(), findings::toString);
        return of.get(0);
    }
}
