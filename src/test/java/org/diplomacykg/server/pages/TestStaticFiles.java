package org.diplomacykg.server.pages;

import static org.diplomacykg.SparqlClient.get;
import static org.diplomacykg.SparqlClient.mediaType;
import static org.diplomacykg.SparqlClient.requireOk;
import static org.diplomacykg.SparqlClient.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.diplomacykg.KgServerExtension;
import org.diplomacykg.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /static/: the stylesheet and the editor's files, and nothing else. */
class TestStaticFiles {

    private static final ClassLoader LOADER = TestStaticFiles.class.getClassLoader();

    @RegisterExtension
    static final KgServerExtension kg = KgServerExtension.fixture();

    @Test
    void servesTheStylesheet() throws Exception {
        HttpResponse<String> response = get(kg.baseUrl() + "/static/style.css", "text/css,*/*;q=0.1");
        requireOk(response);
        assertEquals("text/css", mediaType(response));
        assertEquals(Files.readString(Path.of("src/main/resources/static/style.css")), response.body());
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
    }

    @Test
    void servesTheEditor() {
        HttpResponse<String> js = get(kg.baseUrl() + "/static/yasgui/yasgui.min.js", "*/*");
        requireOk(js);
        assertEquals("text/javascript", mediaType(js));
        assertTrue(js.body().length() > 100_000, "the whole bundle");

        HttpResponse<String> css = get(kg.baseUrl() + "/static/yasgui/yasgui.min.css", "text/css");
        requireOk(css);
        assertEquals("text/css", mediaType(css));
        assertTrue(css.body().contains(".yasqe"));
    }

    @Test
    void etagRevalidates() {
        String url = kg.baseUrl() + "/static/yasgui/yasgui.min.js";
        String etag = get(url, "*/*").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).GET());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", "\"other\"").GET());
        assertEquals(200, other.statusCode());
    }

    @Test
    void unknownFilesAreNotFound() {
        for ( String path : List.of("/static/", "/static/nothing.css", "/static/yasgui/yasgui.min.js.map",
                                    "/static/yasgui/", "/static/STYLE.CSS", "/static/templates/layout.ftlh",
                                    "/static/simplelogger.properties") )
            assertEquals(404, get(kg.baseUrl() + path, "*/*").statusCode(), path);
    }

    @Test
    void traversalGetsNothing() {
        // Jetty normalises "/static/../pom.xml" to "/pom.xml" (404) and rejects encoded dot
        // segments and paths above the root itself (400) before any servlet sees them.
        assertEquals(404, get(kg.baseUrl() + "/static/../pom.xml", "*/*").statusCode());
        for ( String path : List.of("/static/../pom.xml", "/static/%2e%2e/pom.xml", "/static/yasgui/../../../../etc/passwd",
                                    "/static/..%2fpom.xml", "/static/%2e%2e%2fpom.xml", "/static/..%5cpom.xml",
                                    "/static/%5c..%5c..%5cpom.xml", "/static//etc/passwd", "/static/%2fetc%2fpasswd") ) {
            HttpResponse<String> response = get(kg.baseUrl() + path, "*/*");
            assertTrue(Set.of(400, 404).contains(response.statusCode()), path + " gave " + response.statusCode());
            assertFalse(response.body().contains("<artifactId>") || response.body().contains("root:"), path);
        }
    }

    @Test
    void servletServesOnlyItsList() {
        // The servlet itself, given paths Jetty would not pass on, still answers 404: it looks
        // names up in a fixed list and never builds a path from the request.
        StaticServlet servlet = new StaticServlet(new ServerConfig(0, Duration.ofSeconds(5), DatasetGraphFactory.create()));
        for ( String pathInfo : List.of("/../pom.xml", "/%2e%2e/pom.xml", "/yasgui/../../../../etc/passwd",
                                        "/..\\pom.xml", "\\style.css", "/etc/passwd", "//style.css", "style.css",
                                        "/yasgui/../style.css", "/./style.css") )
            assertEquals(404, status(servlet, pathInfo), pathInfo);
        assertEquals(404, status(servlet, null));
        assertEquals(200, status(servlet, "/style.css"));
    }

    /** The status the servlet gives a GET with this path info. */
    private static int status(StaticServlet servlet, String pathInfo) {
        int[] status = { 200 };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(LOADER,
            new Class<?>[] { HttpServletRequest.class }, (proxy, method, args) -> switch ( method.getName() ) {
                case "getPathInfo" -> pathInfo;
                case "getRequestURI" -> "/static" + pathInfo;
                case "getMethod" -> "GET";
                default -> null;
            });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(LOADER,
            new Class<?>[] { HttpServletResponse.class }, (proxy, method, args) -> {
                switch ( method.getName() ) {
                    case "sendError", "setStatus" -> status[0] = (Integer) args[0];
                    case "getOutputStream" -> { return new DiscardingOutput(); }
                    default -> { }
                }
                return null;
            });
        try {
            servlet.doGet(request, response);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return status[0];
    }

    private static final class DiscardingOutput extends ServletOutputStream {
        @Override public boolean isReady() { return true; }
        @Override public void setWriteListener(WriteListener listener) {}
        @Override public void write(int b) {}
    }
}
