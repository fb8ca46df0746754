package org.diplomacykg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonNull;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol, for browser tests, with no
 * dependency beyond the JDK's WebSocket client and Jena's JSON. One browser, one tab:
 * <pre>
 * try ( Chromium browser = Chromium.launch() ) {
 *     browser.navigate(url);
 *     browser.waitUntil("document.querySelector('svg') !== null", Duration.ofSeconds(10));
 *     browser.screenshot(Path.of("target/screenshots/page.png"));
 * }
 * </pre>
 * Closing kills the browser process and deletes its profile directory. Every wait is bounded.
 */
public final class Chromium implements AutoCloseable {

    /** Where Debian's {@code chromium} package puts the browser. */
    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(30);
    private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonObject>> awaitedEvents = new ConcurrentHashMap<>();
    private String session;

    /** True when the browser is installed here. */
    public static boolean available() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** Starts headless Chromium with a fresh profile and opens one tab on {@code about:blank}. */
    public static Chromium launch() throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        Process process = new ProcessBuilder(EXECUTABLE.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                // This machine's network is closed: without these, Chromium keeps trying to call home.
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        try {
            String wsUrl = devToolsUrl(process);
            Chromium browser = new Chromium(process, profile, wsUrl);
            browser.openTab();
            return browser;
        } catch (IOException | RuntimeException | Error ex) {
            process.destroyForcibly();
            deleteTree(profile);
            throw ex;
        }
    }

    /** Reads stderr until the browser prints its DevTools WebSocket URL; keeps draining it after. */
    private static String devToolsUrl(Process process) throws IOException {
        CompletableFuture<String> url = new CompletableFuture<>();
        StringBuffer seen = new StringBuffer();
        Thread reader = new Thread(() -> {
            try ( BufferedReader err = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)) ) {
                for ( String line; (line = err.readLine()) != null; ) {
                    Matcher m = DEVTOOLS_URL.matcher(line);
                    if ( m.find() )
                        url.complete(m.group(1));
                    else if ( !url.isDone() )
                        seen.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // The process has gone; the future below reports it.
            }
            url.completeExceptionally(new IOException("chromium exited before DevTools started:\n" + seen));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return url.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException ex) {
            throw new IOException("chromium printed no DevTools URL within " + STARTUP + ":\n" + seen, ex);
        } catch (ExecutionException ex) {
            throw new IOException(ex.getCause().getMessage(), ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting chromium", ex);
        }
    }

    private Chromium(Process process, Path profile, String wsUrl) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .connectTimeout(STARTUP)
            .buildAsync(URI.create(wsUrl), new Listener(this::receive))
            .orTimeout(STARTUP.toSeconds(), TimeUnit.SECONDS)
            .join();
    }

    /** Creates a tab and attaches to it in flat mode: page commands then carry its session id. */
    private void openTab() {
        String targetId = browserCommand("Target.createTarget", params("url", "about:blank")).getString("targetId");
        JsonObject attach = params("targetId", targetId);
        attach.put("flatten", true);
        session = browserCommand("Target.attachToTarget", attach).getString("sessionId");
        command("Page.enable", new JsonObject());
        command("Runtime.enable", new JsonObject());
    }

    /** Loads {@code url} in the tab, waits for its load event and returns the HTTP status of the page. */
    public int navigate(String url) {
        CompletableFuture<JsonObject> loaded = new CompletableFuture<>();
        awaitedEvents.put("Page.loadEventFired", loaded);
        JsonObject result = command("Page.navigate", params("url", url));
        if ( result.hasKey("errorText") )
            throw new AssertionError("navigation to " + url + " failed: " + result.getString("errorText"));
        await(loaded, COMMAND, "the load event of " + url);
        return (int) evaluateLong("performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0");
    }

    /**
     * Evaluates a JavaScript expression in the page (awaiting it if it is a promise) and returns
     * its value as JSON; a thrown exception fails with its description.
     */
    public JsonValue evaluate(String expression) {
        JsonObject p = params("expression", expression);
        p.put("returnByValue", true);
        p.put("awaitPromise", true);
        JsonObject result = command("Runtime.evaluate", p);
        if ( result.hasKey("exceptionDetails") ) {
            JsonObject details = result.getObj("exceptionDetails");
            JsonValue exception = details.get("exception");
            String text = exception != null && exception.isObject() && exception.getAsObject().hasKey("description")
                ? exception.getAsObject().getString("description") : details.getString("text");
            throw new AssertionError("JavaScript failed: " + text + "\n  in: " + expression);
        }
        JsonValue value = result.getObj("result").get("value");
        return value == null ? JsonNull.instance : value;
    }

    /** Evaluates an expression that yields a string (null and undefined become ""). */
    public String evaluateString(String expression) {
        JsonValue value = evaluate(expression);
        return value.isString() ? value.getAsString().value() : value.isNull() ? "" : value.toString();
    }

    /** Evaluates an expression that yields true or false. */
    public boolean evaluateBoolean(String expression) {
        JsonValue value = evaluate("Boolean(" + expression + ")");
        return value.isBoolean() && value.getAsBoolean().value();
    }

    /** Evaluates an expression that yields a number, rounded to a long. */
    public long evaluateLong(String expression) {
        JsonValue value = evaluate("Math.round(Number(" + expression + "))");
        if ( !value.isNumber() )
            throw new AssertionError("Not a number: " + value + "\n  from: " + expression);
        return value.getAsNumber().value().longValue();
    }

    /** Polls a JavaScript condition until it is true; fails naming it after {@code timeout}. */
    public void waitUntil(String condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ( true ) {
            if ( evaluateBoolean(condition) )
                return;
            if ( System.nanoTime() > deadline )
                throw new AssertionError("Not true within " + timeout + ": " + condition);
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + condition, ex);
            }
        }
    }

    /** Saves a PNG of the whole page (not only the viewport) to {@code file}, creating its folder. */
    public Path screenshot(Path file) throws IOException {
        return screenshot(file, null);
    }

    /**
     * Saves a PNG of the element the CSS selector picks (the whole page when the selector is
     * null or matches nothing) to {@code file}, creating its folder.
     */
    public Path screenshot(Path file, String selector) throws IOException {
        JsonObject p = params("format", "png");
        p.put("captureBeyondViewport", true);
        if ( selector != null ) {
            JsonValue box = evaluate("(() => { const e = document.querySelector(" + JSON.toStringFlat(new JsonString(selector)) + ");"
                + " if (!e) return null; const r = e.getBoundingClientRect();"
                + " return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height, scale: 1}; })()");
            if ( box.isObject() )
                p.put("clip", box);
        }
        String data = command("Page.captureScreenshot", p).getString("data");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(data));
        return file;
    }

    /** Sends a command to the tab and waits for its result. */
    public JsonObject command(String method, JsonObject params) {
        return send(method, params, session);
    }

    private JsonObject browserCommand(String method, JsonObject params) {
        return send(method, params, null);
    }

    private JsonObject send(String method, JsonObject params, String sessionId) {
        long id = ids.incrementAndGet();
        JsonObject message = new JsonObject();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        if ( sessionId != null )
            message.put("sessionId", sessionId);
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            socket.sendText(JSON.toStringFlat(message), true).get(COMMAND.toSeconds(), TimeUnit.SECONDS);
            JsonObject answer = await(reply, COMMAND, method);
            if ( answer.hasKey("error") )
                throw new AssertionError(method + " failed: " + JSON.toStringFlat(answer.get("error")));
            return answer.hasKey("result") ? answer.getObj("result") : new JsonObject();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while sending " + method, ex);
        } catch (ExecutionException | TimeoutException ex) {
            throw new AssertionError("could not send " + method + ": " + ex, ex);
        } finally {
            pending.remove(id);
        }
    }

    private static JsonObject await(CompletableFuture<JsonObject> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            throw new AssertionError("No answer within " + timeout + " for " + what, ex);
        } catch (ExecutionException ex) {
            throw new AssertionError("Failed waiting for " + what + ": " + ex.getCause(), ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, ex);
        }
    }

    /** A whole message from the browser: a reply to a command, or an event. */
    private void receive(String text) {
        JsonObject message = JSON.parse(text);
        if ( message.hasKey("id") ) {
            CompletableFuture<JsonObject> reply = pending.get(message.getNumber("id").longValue());
            if ( reply != null )
                reply.complete(message);
        } else if ( message.hasKey("method") ) {
            CompletableFuture<JsonObject> awaited = awaitedEvents.remove(message.getString("method"));
            if ( awaited != null )
                awaited.complete(message.hasKey("params") ? message.getObj("params") : new JsonObject());
        }
    }

    private static JsonObject params(String key, String value) {
        JsonObject p = new JsonObject();
        p.put(key, value);
        return p;
    }

    /** Closes the browser, and kills it if it does not go; removes the profile. */
    @Override
    public void close() {
        List<ProcessHandle> helpers = process.descendants().toList();
        JsonObject closeBrowser = new JsonObject();
        closeBrowser.put("id", ids.incrementAndGet());
        closeBrowser.put("method", "Browser.close");
        try {
            socket.sendText(JSON.toStringFlat(closeBrowser), true).get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // Killed below.
        }
        socket.abort();
        process.destroy();
        try {
            if ( !process.waitFor(5, TimeUnit.SECONDS) ) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        helpers.forEach(ProcessHandle::destroyForcibly);
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) {
        try ( Stream<Path> paths = Files.walk(dir) ) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for ( Path p : all )
                Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }

    /** Joins the fragments of each text message and hands whole messages on. */
    private static final class Listener implements WebSocket.Listener {
        private final Consumer<String> onMessage;
        private final StringBuilder buffer = new StringBuilder();

        Listener(Consumer<String> onMessage) {
            this.onMessage = onMessage;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if ( last ) {
                String message = buffer.toString();
                buffer.setLength(0);
                onMessage.accept(message);
            }
            webSocket.request(1);
            return null;
        }
    }
}
