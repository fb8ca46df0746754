package org.diplomacykg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * A small SPARQL-over-HTTP client for tests, on {@link java.net.http.HttpClient} so that
 * requests are exactly what a notebook would send. The typed methods assert HTTP 200
 * and show the body when it is not.
 */
public final class SparqlClient {

    public static final String SPARQL_QUERY = "application/sparql-query";
    public static final String SPARQL_UPDATE = "application/sparql-update";
    public static final String FORM = "application/x-www-form-urlencoded";
    public static final String RESULTS_JSON = "application/sparql-results+json";
    public static final String RESULTS_XML = "application/sparql-results+xml";
    public static final String TURTLE = "text/turtle";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Runs a SELECT with POST {@code application/sparql-query}; returns the rows. */
    public static ResultSetRewindable select(String endpoint, String query) {
        HttpResponse<String> response = postQuery(endpoint, query, RESULTS_JSON);
        requireOk(response);
        return parseResults(response.body(), ResultSetLang.RS_JSON);
    }

    /** Runs an ASK with POST {@code application/sparql-query}. */
    public static boolean ask(String endpoint, String query) {
        HttpResponse<String> response = postQuery(endpoint, query, RESULTS_JSON);
        requireOk(response);
        return ResultSetMgr.readBoolean(stream(response.body()), ResultSetLang.RS_JSON);
    }

    /** Runs a CONSTRUCT or DESCRIBE with POST {@code application/sparql-query}; returns the graph. */
    public static Graph construct(String endpoint, String query) {
        HttpResponse<String> response = postQuery(endpoint, query, TURTLE);
        requireOk(response);
        return parseGraph(response.body(), Lang.TURTLE);
    }

    /** POST with the query as the body ({@code application/sparql-query}). */
    public static HttpResponse<String> postQuery(String endpoint, String query, String accept) {
        return send(HttpRequest.newBuilder(URI.create(endpoint))
            .header("Content-Type", SPARQL_QUERY)
            .header("Accept", accept)
            .POST(BodyPublishers.ofString(query)));
    }

    /** POST as an HTML form, {@code query=...}. */
    public static HttpResponse<String> postForm(String endpoint, String query, String accept) {
        return postForm(endpoint, "query", query, accept);
    }

    /** POST as an HTML form with one field, e.g. {@code update=...}. */
    public static HttpResponse<String> postForm(String url, String field, String value, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", FORM)
            .header("Accept", accept)
            .POST(BodyPublishers.ofString(field + "=" + encode(value))));
    }

    /** GET {@code endpoint?query=...}. */
    public static HttpResponse<String> getQuery(String endpoint, String query, String accept) {
        return get(endpoint + "?query=" + encode(query), accept);
    }

    /** A plain GET. */
    public static HttpResponse<String> get(String url, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET());
    }

    /** Sends any request and reads the body as text. */
    public static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(CLIENT, request);
    }

    /** Sends with a given client, e.g. a fresh one for a request that may leave its connection unusable. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + request.build().uri(), ex);
        }
    }

    /** Parses a SELECT result in the given format (JSON, XML, CSV, TSV). */
    public static ResultSetRewindable parseResults(String body, Lang resultsLang) {
        return ResultSetMgr.read(stream(body), resultsLang).rewindable();
    }

    /** Parses an RDF document in the given syntax. */
    public static Graph parseGraph(String body, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(graph);
        return graph;
    }

    /** The Content-Type without parameters, e.g. {@code text/turtle}. */
    public static String mediaType(HttpResponse<?> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }

    public static void requireOk(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(),
            () -> response.request().method() + " " + response.request().uri() + "\n" + response.body());
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private SparqlClient() {}
}
