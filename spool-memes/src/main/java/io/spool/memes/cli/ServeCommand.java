package io.spool.memes.cli;

import io.spool.embedded.LocalPostgres;
import io.spool.memes.http.MemesConfig;
import io.spool.memes.http.MemesServer;
import io.spool.memes.render.RendererConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import io.spool.memes.http.RemoteImageConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code serve [HOST:PORT]}: runs the HTTP service until SIGINT or SIGTERM, then drains it. Jobs are stored in the
 * PostgreSQL of {@code --database-url}, else in an embedded one whose data directory ({@code --data-dir}, default
 * {@code ~/.spool/memes-pg}) is reused across restarts, so jobs survive them, kill -9 included; that server is
 * durable (fsync on) and wants the password it keeps in its data directory. Every option has an environment
 * variable of the same name in upper case with {@code SPOOL_MEMES_} in front ({@code --render-threads} is
 * {@code SPOOL_MEMES_RENDER_THREADS}), except the database's, {@code SPOOL_DATABASE_URL}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the meme HTTP service.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ADDRESS", defaultValue = "${env:SPOOL_MEMES_ADDRESS:-0.0.0.0:1337}",
            description = "HOST:PORT, :PORT or PORT to listen on (default ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--render-threads", defaultValue = "${env:SPOOL_MEMES_RENDER_THREADS:-0}",
            description = "Threads that render (default: one per core).")
    int renderThreads;

    @Option(names = "--render-queue", defaultValue = "${env:SPOOL_MEMES_RENDER_QUEUE:--1}",
            description = "Renders that may wait for a thread at most, a bound on memory: requests are admitted by their "
                    + "expected wait, measured, against the request timeout (default: 256 per thread).")
    int renderQueue;

    @Option(names = "--template-cache", defaultValue = "${env:SPOOL_MEMES_TEMPLATE_CACHE:-256m}",
            description = "Bytes of decoded templates kept (k, m, g suffixes; default ${DEFAULT-VALUE}).")
    String templateCache;

    @Option(names = "--font-cache", defaultValue = "${env:SPOOL_MEMES_FONT_CACHE:-32m}",
            description = "Bytes of fonts kept (default ${DEFAULT-VALUE}).")
    String fontCache;

    @Option(names = "--result-cache", defaultValue = "${env:SPOOL_MEMES_RESULT_CACHE:-64m}",
            description = "Bytes of rendered images kept (default ${DEFAULT-VALUE}).")
    String resultCache;

    @Option(names = "--request-timeout", defaultValue = "${env:SPOOL_MEMES_REQUEST_TIMEOUT:-10s}",
            description = "Deadline of a request, e.g. 10s or 1500ms; past it, 504 and the render stops (default ${DEFAULT-VALUE}).")
    String requestTimeout;

    @Option(names = "--shutdown-timeout", defaultValue = "${env:SPOOL_MEMES_SHUTDOWN_TIMEOUT:-20s}",
            description = "How long requests and jobs in flight may finish on SIGTERM (default ${DEFAULT-VALUE}).")
    String shutdownTimeout;

    @Option(names = "--jpeg-quality", defaultValue = "${env:SPOOL_MEMES_JPEG_QUALITY:-90}",
            description = "JPEG quality, 1 to 100 (default ${DEFAULT-VALUE}).")
    int jpegQuality;

    @Option(names = "--gif-quality", defaultValue = "${env:SPOOL_MEMES_GIF_QUALITY:-100}",
            description = "GIF quality, 1 to 100: below 100 colours are cut to fewer levels, for smaller files (default ${DEFAULT-VALUE}).")
    int gifQuality;

    @Option(names = "--preload", defaultValue = "${env:SPOOL_MEMES_PRELOAD:-false}", fallbackValue = "true",
            arity = "0..1", description = "Decode every template at start.")
    boolean preload;

    @Option(names = "--database-url", defaultValue = "${env:SPOOL_DATABASE_URL}",
            description = "PostgreSQL for the jobs, postgresql://user:password@host:port/db (default: an embedded one).")
    String databaseUrl;

    @Option(names = "--data-dir", defaultValue = "${env:SPOOL_MEMES_DATA_DIR}",
            description = "Data directory of the embedded PostgreSQL (default: ~/.spool/memes-pg).")
    Path dataDir;

    @Option(names = "--workers", defaultValue = "${env:SPOOL_MEMES_WORKERS:-2}",
            description = "Jobs this process renders at once; 0 to only accept them (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--templates-dir", defaultValue = "${env:SPOOL_MEMES_TEMPLATES_DIR}",
            description = "A directory of extra templates, watched: images (png, jpg, gif) and/or memegen's layout "
                    + "(a folder per template with config.yml and default.{png,jpg,gif}).")
    Path templatesDir;

    @Option(names = "--admin-token", defaultValue = "${env:SPOOL_MEMES_ADMIN_TOKEN}",
            description = "Bearer token of the write endpoints (POST/PUT/DELETE /templates) and of /admin/tasks, the jobs' "
                    + "dashboard; without one they answer 403. "
                    + "Prefer the environment variable SPOOL_MEMES_ADMIN_TOKEN: a command line is visible to other users.")
    String adminToken;

    @Option(names = "--remote-images", defaultValue = "${env:SPOOL_MEMES_REMOTE_IMAGES}", split = ",",
            description = "Hosts ?background=URL may fetch from (comma-separated; *.example.org for subdomains). "
                    + "Default: none, remote images off. Private, loopback, link-local and metadata addresses are refused.")
    List<String> remoteImages;

    @Option(names = "--max-upload", defaultValue = "${env:SPOOL_MEMES_MAX_UPLOAD:-8m}",
            description = "Largest image a request may carry or fetch (default ${DEFAULT-VALUE}).")
    String maxUpload;

    @Option(names = "--fonts-dir", defaultValue = "${env:SPOOL_MEMES_FONTS_DIR}",
            description = "A directory of extra fonts (ttf, otf).")
    Path fontsDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        MemesConfig config = config();
        LocalPostgres embedded = null;
        String url = databaseUrl == null || databaseUrl.isBlank() ? null : databaseUrl;
        if (url == null) {
            Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".spool", "memes-pg");
            out.println("starting an embedded PostgreSQL in " + dir + " ...");
            out.flush();
            embedded = LocalPostgres.startDurable(dir);   // stops a server left running by a killed earlier run
            url = embedded.url();
        }
        MemesServer server;
        try {
            server = MemesServer.start(config.withJobs(url, workers));
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        LocalPostgres pg = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("spool-memes: stopping (up to " + config.shutdownTimeout().toSeconds() + " s to drain) ...");
            server.stop(config.shutdownTimeout());
            if (pg != null) {
                pg.close();
            }
            System.err.println("spool-memes: stopped");
            stopped.countDown();
        }, "spool-memes-shutdown"));
        out.println("spool-memes listening on http://" + config.host() + ":" + server.port() + "/ ("
                + config.renderThreads() + " render threads, jobs in " + (pg != null ? "the embedded PostgreSQL" : url.replaceAll(":[^:@/]*@", ":***@")) + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    MemesConfig config() {
        int threads = renderThreads > 0 ? renderThreads : Runtime.getRuntime().availableProcessors();
        RendererConfig renderer = RendererConfig.DEFAULT.withTemplatesDir(templatesDir).withFontsDir(fontsDir)
                .withCacheBytes(bytes(templateCache, "--template-cache"), bytes(fontCache, "--font-cache"),
                        bytes(resultCache, "--result-cache"));
        try {
            renderer = renderer.withJpegQuality(jpegQuality);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jpeg-quality must be 1 to 100");
        }
        try {
            renderer = renderer.withGifQuality(gifQuality);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gif-quality must be 1 to 100");
        }
        String host = "0.0.0.0";
        String portText = address.trim();
        int colon = portText.lastIndexOf(':');
        if (colon >= 0) {
            host = colon == 0 ? host : portText.substring(0, colon).replaceAll("^\\[|]$", "");
            portText = portText.substring(colon + 1);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "ADDRESS must be HOST:PORT, :PORT or PORT, not " + address);
        }
        return MemesConfig.defaults()
                .withAddress(host, port)
                .withRenderPool(threads, renderQueue >= 0 ? renderQueue : MemesConfig.QUEUE_PER_THREAD * threads)
                .withTimeouts(duration(requestTimeout, "--request-timeout"), duration(shutdownTimeout, "--shutdown-timeout"))
                .withPreload(preload)
                .withRenderer(renderer)
                .withAdminToken(adminToken)
                .withMaxUploadBytes(uploadBytes())
                .withRemoteImages(RemoteImageConfig.OFF.withHosts(remoteImages == null ? List.of() : remoteImages)
                        .withLimits(uploadBytes(), RemoteImageConfig.OFF.timeout()));
    }

    private int uploadBytes() {
        long bytes = bytes(maxUpload, "--max-upload");
        if (bytes < 64 * 1024 || bytes > Integer.MAX_VALUE) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-upload must be 64k to 2g, not " + maxUpload);
        }
        return (int) bytes;
    }

    private long bytes(String text, String option) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("b")) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.isEmpty() && "kmg".indexOf(s.charAt(s.length() - 1)) >= 0) {
            unit = 1L << (10 * ("kmg".indexOf(s.charAt(s.length() - 1)) + 1));
            s = s.substring(0, s.length() - 1);
        }
        try {
            long n = Long.parseLong(s.trim());
            if (n >= 0) {
                return n * unit;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new CommandLine.ParameterException(spec.commandLine(), option + " must be a size such as 64m, not " + text);
    }

    private Duration duration(String text, String option) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (s.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            } else if (s.endsWith("s")) {
                d = Duration.ofMillis(Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000));
            } else if (s.endsWith("m")) {
                d = Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)) * 60);
            } else {
                d = Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
            }
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new CommandLine.ParameterException(spec.commandLine(), option + " must be a duration such as 10s or 500ms, not " + text);
    }
}
