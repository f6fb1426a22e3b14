package io.spool.memes.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.MemeException;
import io.spool.memes.render.RenderResult;
import io.spool.memes.render.Renderer;
import io.spool.memes.render.RendererConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** SCRATCH: a stand-in for the HTTP server while it is being written. Not committed. */
final class ScratchFakeServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpServer server;
    final Renderer renderer = Renderer.create(RendererConfig.DEFAULT);
    final Map<String, Object[]> jobs = new ConcurrentHashMap<>();

    ScratchFakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }
    int port() { return server.getAddress().getPort(); }
    public void close() { server.stop(0); }

    void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/")) { resource(ex, "index.html", "text/html"); return; }
            if (path.startsWith("/page/")) { String n = path.substring(6); resource(ex, n, n.endsWith(".js") ? "text/javascript" : "text/css"); return; }
            if (path.equals("/templates")) { send(ex, 200, "application/json", JSON.writeValueAsBytes(renderer.templates())); return; }
            if (path.equals("/fonts")) { send(ex, 200, "application/json", JSON.writeValueAsBytes(renderer.fonts())); return; }
            if (path.startsWith("/templates/")) {
                ObjectNode q = JSON.createObjectNode().put("template", path.substring(11));
                RenderResult r = renderer.render(CaptionRequest.parse(q));
                send(ex, 200, r.mediaType(), r.bytes()); return;
            }
            if (path.equals("/caption")) {
                ObjectNode q = JSON.createObjectNode();
                String raw = ex.getRequestURI().getRawQuery();
                if (raw != null) for (String kv : raw.split("&")) { String[] p = kv.split("=", 2);
                    q.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""); }
                RenderResult r = renderer.render(CaptionRequest.parse(q));
                send(ex, 200, r.mediaType(), r.bytes()); return;
            }
            if (path.equals("/jobs") && ex.getRequestMethod().equals("POST")) {
                CaptionRequest req = CaptionRequest.parse(JSON.readTree(ex.getRequestBody()));
                String id = UUID.randomUUID().toString();
                jobs.put(id, new Object[] {req, System.nanoTime()});
                send(ex, 202, "application/json", JSON.writeValueAsBytes(Map.of("id", id, "state", "pending", "url", "/jobs/" + id))); return;
            }
            if (path.startsWith("/jobs/")) {
                Object[] job = jobs.get(path.substring(6));
                if (job == null) { send(ex, 404, "application/json", "{\"error\":\"no such job\"}".getBytes()); return; }
                if (System.nanoTime() - (long) job[1] < 1_000_000_000L) {
                    ex.getResponseHeaders().add("Retry-After", "1");
                    send(ex, 202, "application/json", JSON.writeValueAsBytes(Map.of("id", path.substring(6), "state", "running"))); return;
                }
                RenderResult r = renderer.render((CaptionRequest) job[0]);
                send(ex, 200, r.mediaType(), r.bytes()); return;
            }
            send(ex, 404, "application/json", "{\"error\":\"not found\"}".getBytes());
        } catch (MemeException e) {
            send(ex, e.status(), "application/json", JSON.writeValueAsBytes(Map.of("error", e.getMessage())));
        } catch (Exception e) {
            send(ex, 500, "application/json", JSON.writeValueAsBytes(Map.of("error", String.valueOf(e))));
        }
    }
    void resource(HttpExchange ex, String name, String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/spool/memes/page/" + name)) {
            if (in == null) { send(ex, 404, "application/json", "{\"error\":\"nf\"}".getBytes()); return; }
            send(ex, 200, type, in.readAllBytes());
        }
    }
    void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }
}
