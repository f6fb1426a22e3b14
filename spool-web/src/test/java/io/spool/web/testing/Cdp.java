package io.spool.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A very small Chrome DevTools Protocol client for tests: launches headless Chromium, attaches to one page
 * (flat session) and offers the few commands a page test needs. Shared through spool-web's test jar by the
 * page tests of spool-memes and spool-tasks-dashboard. Not thread-safe beyond what the tests do: one
 * test thread sends commands; the WebSocket's thread delivers answers and events.
 */
public final class Cdp implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final Deque<String> stderrTail;
    private final Thread reaper;
    private final HttpClient http;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<String> console = new CopyOnWriteArrayList<>();
    private final List<String> exceptions = new CopyOnWriteArrayList<>();
    private final Duration commandTimeout;
    private volatile String sessionId;

    private Cdp(Process process, Path profile, Deque<String> stderrTail, Thread reaper, HttpClient http,
                WebSocket socket, Duration commandTimeout) {
        this.process = process;
        this.reaper = reaper;
        this.profile = profile;
        this.stderrTail = stderrTail;
        this.http = http;
        this.socket = socket;
        this.commandTimeout = commandTimeout;
    }

    /**
     * Starts {@code chromium} headless with a fresh profile and attaches to a new blank page of the given size.
     * Whatever fails on the way, the browser process is killed before the exception leaves.
     */
    public static Cdp launch(Path chromium, int width, int height, Duration startTimeout) throws IOException {
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("Chromium not found at " + chromium
                    + ": install it (Debian: apt-get install -y --no-install-recommends chromium); CI installs it");
        }
        Path profile = Files.createTempDirectory("spool-chromium-");
        List<String> command = List.of(chromium.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--no-default-browser-check", "--mute-audio",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
                "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--user-data-dir=" + profile, "about:blank");
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        // should the JVM go without close() (a surefire timeout, ^C), the browser goes with it
        Thread reaper = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }, "chromium-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        Deque<String> tail = new ConcurrentLinkedDeque<>();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().daemon().name("chromium-stderr").start(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    tail.addLast(line);
                    if (tail.size() > 50) {
                        tail.pollFirst();
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        endpoint.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IOException("Chromium exited before listening: " + tailOf(tail)));
        });
        reader.setUncaughtExceptionHandler((t, e) -> endpoint.completeExceptionally(e));
        HttpClient http = null;
        try {
            String ws = endpoint.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            http = HttpClient.newHttpClient();
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder()
                    .connectTimeout(startTimeout)
                    .buildAsync(URI.create(ws), listener)
                    .get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
            Cdp cdp = new Cdp(process, profile, tail, reaper, http, socket, Duration.ofSeconds(20));
            listener.cdp = cdp;
            cdp.attachToNewPage(width, height);
            return cdp;
        } catch (Exception e) {
            if (http != null) {
                http.shutdownNow();
            }
            kill(process, process.descendants().toList());
            removeHook(reaper);
            deleteTree(profile);
            if (e instanceof TimeoutException) {
                throw new IOException("Chromium did not start within " + startTimeout + ": " + tailOf(tail), e);
            }
            if (e instanceof ExecutionException ee && ee.getCause() instanceof IOException io) {
                throw io;
            }
            throw e instanceof IOException io ? io : new IOException("could not start Chromium: " + e, e);
        }
    }

    private void attachToNewPage(int width, int height) {
        JsonNode target = browserCall("Target.createTarget", params().put("url", "about:blank"));
        String targetId = target.path("targetId").asText();
        JsonNode attached = browserCall("Target.attachToTarget", params().put("targetId", targetId).put("flatten", true));
        sessionId = attached.path("sessionId").asText();
        call("Page.enable", params());
        call("Runtime.enable", params());
        call("Network.enable", params());
        call("Emulation.setDeviceMetricsOverride", params()
                .put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
        eventListeners.add(event -> {
            switch (event.path("method").asText()) {
                case "Runtime.consoleAPICalled" -> {
                    StringBuilder sb = new StringBuilder(event.path("params").path("type").asText()).append(':');
                    for (JsonNode arg : event.path("params").path("args")) {
                        sb.append(' ').append(arg.has("value") ? arg.get("value").asText() : arg.path("description").asText());
                    }
                    console.add(sb.toString());
                }
                case "Runtime.exceptionThrown" -> {
                    JsonNode d = event.path("params").path("exceptionDetails");
                    exceptions.add(d.path("exception").path("description").asText(d.path("text").asText()));
                }
                default -> { }
            }
        });
    }

    // ---- commands --------------------------------------------------------------------------------

    public static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** A command to the attached page; returns its {@code result}. */
    public JsonNode call(String method, ObjectNode params) {
        return send(method, params, sessionId);
    }

    public JsonNode browserCall(String method, ObjectNode params) {
        return send(method, params, null);
    }

    private JsonNode send(String method, ObjectNode params, String session) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            socket.sendText(JSON.writeValueAsString(message), true).get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
            JsonNode reply = answer.get(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new IllegalStateException(method + " failed: " + e + "; chromium says: " + tailOf(stderrTail), e);
        } finally {
            pending.remove(id);
        }
    }

    /** Evaluates JavaScript in the page (awaiting a promise result) and returns the value as JSON. */
    public JsonNode eval(String expression) {
        JsonNode result = call("Runtime.evaluate", params()
                .put("expression", expression).put("awaitPromise", true).put("returnByValue", true)
                .put("userGesture", true));
        if (result.has("exceptionDetails")) {
            JsonNode d = result.get("exceptionDetails");
            throw new IllegalStateException("JavaScript failed: " + expression + " → "
                    + d.path("exception").path("description").asText(d.path("text").asText()));
        }
        return result.path("result").path("value");
    }

    public String evalString(String expression) {
        JsonNode value = eval(expression);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    /** Waits until {@code condition} (a JavaScript expression) is truthy; fails with {@code describe}'s value. */
    public void waitFor(String condition, Duration timeout, String describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode value = eval("!!(" + condition + ")");
            if (value.asBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                String state;
                try {
                    state = String.valueOf(eval(describe));
                } catch (RuntimeException e) {
                    state = e.toString();
                }
                throw new AssertionError("timed out after " + timeout + " waiting for " + condition
                        + "; page state: " + state + "; console: " + console + "; exceptions: " + exceptions);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public void navigate(String url, Duration timeout) {
        JsonNode result = call("Page.navigate", params().put("url", url));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("navigation to " + url + " failed: " + result.get("errorText").asText());
        }
        waitFor("document.readyState === 'complete' && location.href !== 'about:blank'",
                timeout, "document.readyState + ' ' + location.href");
    }

    /** Focuses the element and types {@code text} as the keyboard would (input events included). */
    public void type(String selector, String text) {
        focus(selector);
        call("Input.insertText", params().put("text", text));
    }

    public void focus(String selector) {
        eval("(() => { const e = document.querySelector(" + JSON.valueToTree(selector)
                + "); if (!e) throw new Error('no element ' + " + JSON.valueToTree(selector) + "); e.focus(); })()");
    }

    /** Presses one key in the focused element, e.g. {@code "Enter"} (13), {@code "Tab"} (9), {@code "ArrowRight"} (39). */
    public void press(String key, int keyCode) {
        String text = switch (key) {
            case "Enter" -> "\r";
            case " " -> " ";
            default -> null;
        };
        ObjectNode down = params().put("type", text == null ? "rawKeyDown" : "keyDown").put("key", key)
                .put("code", key.equals(" ") ? "Space" : key).put("windowsVirtualKeyCode", keyCode)
                .put("nativeVirtualKeyCode", keyCode);
        if (text != null) {
            down.put("text", text).put("unmodifiedText", text);
        }
        call("Input.dispatchKeyEvent", down);
        call("Input.dispatchKeyEvent", params().put("type", "keyUp").put("key", key)
                .put("code", key.equals(" ") ? "Space" : key).put("windowsVirtualKeyCode", keyCode)
                .put("nativeVirtualKeyCode", keyCode));
    }

    /** The bounding box of an element in CSS pixels: x, y, width, height. */
    public double[] box(String selector) {
        JsonNode r = eval("(() => { const b = document.querySelector(" + JSON.valueToTree(selector)
                + ").getBoundingClientRect(); return [b.x, b.y, b.width, b.height]; })()");
        return new double[] {r.get(0).asDouble(), r.get(1).asDouble(), r.get(2).asDouble(), r.get(3).asDouble()};
    }

    /** A PNG screenshot of the whole document (beyond the viewport too), decoded. */
    public BufferedImage screenshot() {
        JsonNode size = call("Page.getLayoutMetrics", params()).path("cssContentSize");
        ObjectNode clip = params().put("x", 0).put("y", 0).put("width", size.path("width").asDouble())
                .put("height", size.path("height").asDouble()).put("scale", 1);
        ObjectNode p = params().put("format", "png").put("captureBeyondViewport", true);
        p.set("clip", clip);
        return decode(call("Page.captureScreenshot", p));
    }

    /** A PNG screenshot of one element's box, decoded (after scrolling it into view). */
    public BufferedImage screenshot(String selector) {
        eval("document.querySelector(" + JSON.valueToTree(selector) + ").scrollIntoView({block: 'center'})");
        double[] b = box(selector);
        // the clip is in document coordinates: add how far the page is scrolled
        JsonNode scroll = eval("[window.scrollX, window.scrollY]");
        ObjectNode clip = params().put("x", b[0] + scroll.get(0).asDouble()).put("y", b[1] + scroll.get(1).asDouble()).put("width", b[2]).put("height", b[3]).put("scale", 1);
        ObjectNode p = params().put("format", "png").put("captureBeyondViewport", false);
        p.set("clip", clip);
        return decode(call("Page.captureScreenshot", p));
    }

    private static BufferedImage decode(JsonNode result) {
        byte[] png = Base64.getDecoder().decode(result.path("data").asText());
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalStateException("screenshot is not a readable PNG (" + png.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls {@code listener} with every event of the page session ({@code method}, {@code params}). */
    public void onEvent(Consumer<JsonNode> listener) {
        eventListeners.add(listener);
    }

    public List<String> console() {
        return List.copyOf(console);
    }

    public List<String> exceptions() {
        return List.copyOf(exceptions);
    }

    // ---- the socket ------------------------------------------------------------------------------

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
        } else if (message.has("method")) {
            String session = message.path("sessionId").asText(null);
            if (session != null && session.equals(sessionId)) {
                for (Consumer<JsonNode> listener : eventListeners) {
                    try {
                        listener.accept(message);
                    } catch (RuntimeException e) {
                        exceptions.add("event listener: " + e);
                    }
                }
            }
        }
    }

    private void failAll(Throwable error) {
        pending.values().forEach(f -> f.completeExceptionally(error));
    }

    /** Messages arrive one at a time ({@code request(1)}), so {@code partial} needs no lock. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        volatile Cdp cdp;   // set before the first command is sent, so no answer arrives without it

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                Cdp owner = cdp;
                if (owner != null) {
                    owner.dispatch(text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            Cdp owner = cdp;
            if (owner != null) {
                owner.failAll(new IOException("DevTools socket closed: " + statusCode + " " + reason));
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            Cdp owner = cdp;
            if (owner != null) {
                owner.failAll(error);
            }
        }
    }

    // ---- shutdown --------------------------------------------------------------------------------

    /** Closes the browser: politely first, then by killing its whole process tree; removes the profile. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();   // before the browser exits and orphans them
        try {
            CompletableFuture.runAsync(() -> browserCall("Browser.close", params()))
                    .get(3, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // killed below
        }
        try {
            socket.abort();
        } catch (RuntimeException ignored) {
            // already closed
        }
        http.shutdownNow();
        kill(process, tree);
        removeHook(reaper);
        deleteTree(profile);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down; the hook runs
        }
    }

    /** Stops the browser and every process it started: TERM, then KILL to whatever is left. */
    private static void kill(Process process, List<ProcessHandle> known) {
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            // helpers (zygote, renderers, GPU) may outlive the browser process briefly
            Stream.concat(known.stream(), process.descendants()).filter(ProcessHandle::isAlive)
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Chromium may still be writing; a leftover temp dir is harmless
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }

    private static String tailOf(Deque<String> tail) {
        return String.join("\n", tail);
    }
}
