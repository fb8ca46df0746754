package org.diplomacykg.server.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.diplomacykg.server.ServerConfig;

/**
 * /static/...: the stylesheet and the SPARQL editor's files, from the class path. Only the
 * names of a fixed list are served ({@link #FILES}); anything else, and so any attempt at
 * path traversal, is 404. The files are read once, at construction, and sent with a strong
 * {@code ETag}, so that a browser revalidates cheaply ({@code 304}).
 */
public final class StaticServlet extends HttpServlet {

    /** The YASGUI webjar's version, read from its Maven metadata on the class path. */
    private static final String YASGUI_POM = "META-INF/maven/org.webjars.npm/zazuko__yasgui/pom.properties";

    /** A file that may be served: its bytes, media type and entity tag. */
    private record StaticFile(byte[] content, String contentType, String etag) {}

    /** Path under /static/ → file, the whole allow-list. */
    private final transient Map<String, StaticFile> files;

    public StaticServlet(ServerConfig config) {
        this.files = load();
    }

    /** What the servlet serves: path under {@code /static/} → class-path resource. */
    static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("/style.css", "static/style.css");
        String yasgui = "META-INF/resources/webjars/zazuko__yasgui/" + yasguiVersion() + "/build/";
        sources.put("/yasgui/yasgui.min.js", yasgui + "yasgui.min.js");
        sources.put("/yasgui/yasgui.min.css", yasgui + "yasgui.min.css");
        return sources;
    }

    private static Map<String, StaticFile> load() {
        Map<String, StaticFile> out = new LinkedHashMap<>();
        sources().forEach((path, resource) -> {
            byte[] content = read(resource);
            out.put(path, new StaticFile(content, contentType(path), etag(content)));
        });
        return Map.copyOf(out);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Jetty has already decoded and normalised the path; anything not in the list is unknown.
        StaticFile file = request.getPathInfo() == null ? null : files.get(request.getPathInfo());
        if ( file == null ) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Not found: " + request.getRequestURI());
            return;
        }
        response.setHeader("ETag", file.etag());
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if ( ifNoneMatch != null && (ifNoneMatch.equals("*") || ifNoneMatch.contains(file.etag())) ) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.contentType());
        response.setContentLength(file.content().length);
        response.getOutputStream().write(file.content());
    }

    private static String contentType(String path) {
        if ( path.endsWith(".css") )
            return "text/css;charset=utf-8";
        if ( path.endsWith(".js") )
            return "text/javascript;charset=utf-8";
        throw new IllegalArgumentException("No media type for " + path);
    }

    private static String yasguiVersion() {
        try ( InputStream in = resource(YASGUI_POM) ) {
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] read(String name) {
        try ( InputStream in = resource(name) ) {
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = StaticServlet.class.getClassLoader().getResourceAsStream(name);
        if ( in == null )
            throw new IllegalStateException("Missing from the class path: " + name
                + " (the build packages src/main/resources and the YASGUI webjar)");
        return in;
    }

    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return '"' + HexFormat.of().formatHex(digest, 0, 12) + '"';
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }
}
