package io.spool.memes.http;

import io.spool.memes.jobs.MemeJobs;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.render.Renderer;
import io.spool.tasks.dashboard.TasksDashboard;
import io.spool.web.HttpError;
import io.spool.web.Response;
import io.spool.web.WebApp;
import io.spool.web.WebServer;
import io.spool.memes.templates.BundledTemplates;
import io.spool.memes.templates.DatabaseTemplates;
import io.spool.memes.templates.TemplateCatalog;
import io.spool.memes.templates.TemplateDirectory;
import io.spool.memes.templates.TemplateSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * The meme service: one {@link Renderer} drawing from the {@link TemplateCatalog} (the database's templates over
 * the watched {@code --templates-dir} over the bundled set), one {@link RenderPool}, optional durable
 * {@link MemeJobs}, and the spool-web application that serves them (routes in {@link CaptionRoutes},
 * {@link TemplateRoutes} and {@link JobRoutes}, errors in {@link ErrorMapping}, {@code GET /stats},
 * {@code /health}, {@code /metrics} (with the jobs' queue series), the jobs' dashboard at {@code /admin/tasks}
 * behind the admin token, and the browser page from the class path directory {@code io/spool/memes/page/}).
 * Every request has a deadline (504 past it, and its render is
 * interrupted). {@link #stop} is graceful: the web server stops accepting and drains requests in flight, then the
 * job worker finishes its jobs, then the render pool stops.
 */
public final class MemesServer implements AutoCloseable {
    static final String PAGE = "io/spool/memes/page";
    /** Where the jobs' queue dashboard is mounted. */
    public static final String ADMIN_TASKS = "/admin/tasks";

    private final MemesConfig config;
    private final Renderer renderer;
    private final RenderPool pool;
    private final MemeJobs jobs;
    private final TemplateCatalog catalog;
    private final TemplateDirectory directory;
    private final DatabaseTemplates database;
    private final ImageCheck imageCheck;
    private final RemoteImages remote;
    private final UploadedImages uploads;
    private final RequestStats requests = new RequestStats();
    private final WebServer web;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private MemesServer(MemesConfig config, UnaryOperator<RenderFunction> wrap) {
        this.config = config;
        Path dir = config.renderer().templatesDir();
        this.directory = dir == null ? null : TemplateDirectory.watch(dir);
        List<TemplateSource> sources = new ArrayList<>();
        if (directory != null) {
            sources.add(directory);
        }
        sources.add(new BundledTemplates());
        this.catalog = new TemplateCatalog(sources);
        this.imageCheck = new ImageCheck(config.renderer().limits(), config.maxUploadBytes(),
                config.requestTimeout().dividedBy(2));
        this.remote = new RemoteImages(config.remoteImages());
        this.uploads = new UploadedImages(remote, imageCheck);
        this.renderer = Renderer.create(config.renderer(), catalog, uploads);
        this.pool = new RenderPool(wrap.apply(renderer::render), config.renderThreads(), config.renderQueue(),
                config.requestTimeout());
        MemeJobs started = null;
        DatabaseTemplates db = null;
        try {
            if (config.databaseUrl() != null) {
                db = DatabaseTemplates.start(config.databaseUrl());
                catalog.addFirst(db);
            }
            this.database = db;
            if (config.databaseUrl() != null) {
                started = MemeJobs.start(config.databaseUrl(), config.workers(),
                        request -> pool.renderWhenFree(request, Duration.ofMillis(200)), config.shutdownTimeout());
            }
            this.jobs = started;
            if (config.preload()) {
                preload();
            }
            this.web = app().start(config.host(), config.port());
        } catch (RuntimeException | Error e) {
            if (started != null) {
                started.close();
            }
            closeSources(db);
            pool.close(Duration.ZERO);
            throw e;
        }
    }

    /** Starts the service as configured. */
    public static MemesServer start(MemesConfig config) {
        return start(config, UnaryOperator.identity());
    }

    /** Starts the service with its render function wrapped by {@code wrap} (tests slow it down or watch it). */
    public static MemesServer start(MemesConfig config, UnaryOperator<RenderFunction> wrap) {
        return new MemesServer(config, wrap);
    }

    private WebApp app() {
        WebApp app = WebApp.create()
                .deadline(config.requestTimeout(), 504)
                .interruptWhenClientLeaves(true)   // a render nobody waits for gives its slot back at once
                .maxBodySize(config.maxUploadBytes())   // JSON and form bodies are held to maxBodyBytes by the routes
                .multipart(16, config.maxUploadBytes(), 64 * 1024, null)
                .health()
                .metrics();
        app.after((ctx, res) -> requests.count(res.status()));
        ErrorMapping.install(app);
        new CaptionRoutes(renderer, pool, config.maxBodyBytes(), uploads, imageCheck).install(app);
        new TemplateRoutes(catalog, database, new AdminToken(config.adminToken()), imageCheck).install(app);
        new JobRoutes(jobs, config.maxBodyBytes()).install(app);
        adminTasks(app);
        app.get("/stats", ctx -> stats());
        app.get("/features", ctx -> features());
        app.get("/", ctx -> page());
        app.staticResources("/page", PAGE);
        return app;
    }

    /**
     * {@code /admin/tasks}: the jobs' queue dashboard behind the admin token (log in once at
     * {@code /admin/tasks/login} or visit {@code /admin/tasks?token=...}); without a token, a 403 saying how to set
     * one. The jobs' Prometheus series join {@code /metrics}.
     */
    private void adminTasks(WebApp app) {
        if (jobs != null) {
            jobs.metrics().exposeOn(app);
        }
        if (jobs != null && config.adminToken() != null) {
            TasksDashboard.of(jobs.application()).token(config.adminToken()).mount(app, ADMIN_TASKS);
            return;
        }
        String why = jobs == null ? "the tasks dashboard shows the jobs' queue, and jobs are off (no database)"
                : "the tasks dashboard is closed: start with --admin-token TOKEN (or SPOOL_MEMES_ADMIN_TOKEN) "
                + "to open it to whoever gives that token";
        app.get(ADMIN_TASKS, ctx -> Response.json(403, Map.of("error", why)));
        app.route("GET", ADMIN_TASKS + "/*", ctx -> Response.json(403, Map.of("error", why)));
        app.route("POST", ADMIN_TASKS + "/*", ctx -> Response.json(403, Map.of("error", why)));
    }

    private static Response page() throws IOException {
        try (InputStream in = MemesServer.class.getClassLoader().getResourceAsStream(PAGE + "/index.html")) {
            if (in == null) {
                throw HttpError.notFound("the browser page is not part of this build");
            }
            return Response.status(200).body(in.readAllBytes()).contentType("text/html; charset=utf-8")
                    .header("Cache-Control", "no-cache");
        }
    }

    /** Decodes every template once, so the first requests do not pay for it. */
    private void preload() {
        for (String name : renderer.templates()) {
            try {
                pool.renderWhenFree(CaptionRequest.parse(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode().put("template", name).put("width", 64)), Duration.ofMillis(50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                System.getLogger("io.spool.memes").log(System.Logger.Level.WARNING,
                        "template " + name + " could not be preloaded: " + e.getMessage());
            }
        }
    }

    /** What the browser page asks before showing optional parts: uploads, remote images, jobs, the upload cap. */
    private Map<String, Object> features() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uploads", config.adminToken() != null && database != null);
        out.put("remoteImages", config.remoteImages().enabled());
        out.put("jobs", jobs != null);
        out.put("maxUploadBytes", config.maxUploadBytes());
        return out;
    }

    /** What {@code GET /stats} answers: caches, render pool, requests, jobs. */
    public Map<String, Object> stats() {
        var r = renderer.stats();
        Map<String, Object> caches = new LinkedHashMap<>();
        caches.put("templates", r.templates());
        caches.put("fonts", r.fonts());
        caches.put("results", r.results());
        caches.put("glyphs", r.glyphs());
        Map<String, Object> reqs = new LinkedHashMap<>();
        reqs.put("total", requests.total());
        reqs.put("byStatus", requests.byStatus());
        reqs.put("openConnections", web == null ? 0 : web.openConnections());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("caches", caches);
        out.put("renders", r.renders());
        out.put("framesDrawn", r.framesDrawn());
        out.put("renderPool", pool.stats());
        out.put("requests", reqs);
        out.put("jobs", Map.of("enabled", jobs != null, "workers", jobs == null ? 0 : config.workers()));
        return out;
    }

    public int port() {
        return web.port();
    }

    /** {@code http://127.0.0.1:port} when listening on all interfaces, else the configured host. */
    public URI uri() {
        String host = config.host().equals("0.0.0.0") || config.host().equals("::") ? "127.0.0.1" : config.host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public MemesConfig config() {
        return config;
    }

    /** The fetcher of {@code ?background=} URLs (tests look at the addresses it connected to). */
    RemoteImages remoteImages() {
        return remote;
    }

    public RenderPool renderPool() {
        return pool;
    }

    /** The engine behind the routes: its templates, fonts and cache statistics. */
    public Renderer renderer() {
        return renderer;
    }

    public boolean isDraining() {
        return web.isDraining();
    }

    /**
     * Stops gracefully: stop accepting and let requests in flight finish for up to {@code grace}, then let the
     * job worker finish (its own grace is the configured shutdown timeout), then stop the render pool.
     * Idempotent.
     */
    public void stop(Duration grace) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        web.stop(grace);
        if (jobs != null) {
            jobs.close();
        }
        pool.close(Duration.ofSeconds(1));
        closeSources(database);
    }

    private void closeSources(DatabaseTemplates db) {
        if (db != null) {
            db.close();
        }
        if (directory != null) {
            directory.close();
        }
        imageCheck.close();
    }

    @Override
    public void close() {
        stop(config.shutdownTimeout());
    }
}
