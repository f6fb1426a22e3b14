package io.spool.memes.http;

import io.spool.memes.render.RendererConfig;
import java.time.Duration;

/**
 * Everything the service is started with: where it listens, the render pool (threads and queue length), the
 * per-request deadline and the shutdown grace, whether templates are decoded at start ({@code preload}), the
 * renderer's setup (asset directories, cache sizes, limits, JPEG quality), and the database of the jobs with the
 * number of jobs this process renders at once ({@code databaseUrl} null: no jobs; {@code workers} 0: this process
 * accepts jobs but leaves rendering them to others), and the admin token that opens {@code /admin/tasks} (the
 * jobs' dashboard; null: closed). Immutable; the {@code with...} methods return copies.
 */
public record MemesConfig(String host, int port, int renderThreads, int renderQueue, Duration requestTimeout,
                          Duration shutdownTimeout, boolean preload, RendererConfig renderer, String databaseUrl,
                          int workers, int maxBodyBytes, String adminToken) {
    public static final int DEFAULT_PORT = 1337;

    public MemesConfig {
        if (renderThreads < 1 || renderQueue < 0 || workers < 0 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("render threads must be at least 1; queue, workers not negative");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * Renders that may wait per render thread, whatever their expected wait: only a bound on memory, since
     * admission is by expected wait ({@link RenderPool}).
     */
    public static final int QUEUE_PER_THREAD = 256;

    /** 0.0.0.0:1337, one render thread per core with a queue bound of 256 per thread, 10 s deadline, 20 s grace, no jobs. */
    public static MemesConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new MemesConfig("0.0.0.0", DEFAULT_PORT, cores, QUEUE_PER_THREAD * cores, Duration.ofSeconds(10),
                Duration.ofSeconds(20), false, RendererConfig.DEFAULT, null, 2, 64 * 1024, null);
    }

    public MemesConfig withAddress(String newHost, int newPort) {
        return new MemesConfig(newHost, newPort, renderThreads, renderQueue, requestTimeout, shutdownTimeout, preload,
                renderer, databaseUrl, workers, maxBodyBytes, adminToken);
    }

    public MemesConfig withRenderPool(int threads, int queue) {
        return new MemesConfig(host, port, threads, queue, requestTimeout, shutdownTimeout, preload, renderer,
                databaseUrl, workers, maxBodyBytes, adminToken);
    }

    public MemesConfig withTimeouts(Duration request, Duration shutdown) {
        return new MemesConfig(host, port, renderThreads, renderQueue, request, shutdown, preload, renderer,
                databaseUrl, workers, maxBodyBytes, adminToken);
    }

    public MemesConfig withPreload(boolean on) {
        return new MemesConfig(host, port, renderThreads, renderQueue, requestTimeout, shutdownTimeout, on, renderer,
                databaseUrl, workers, maxBodyBytes, adminToken);
    }

    public MemesConfig withRenderer(RendererConfig config) {
        return new MemesConfig(host, port, renderThreads, renderQueue, requestTimeout, shutdownTimeout, preload,
                config, databaseUrl, workers, maxBodyBytes, adminToken);
    }

    public MemesConfig withJobs(String url, int workerCount) {
        return new MemesConfig(host, port, renderThreads, renderQueue, requestTimeout, shutdownTimeout, preload,
                renderer, url, workerCount, maxBodyBytes, adminToken);
    }

    /**
     * The token that opens {@code /admin/tasks}, the dashboard of the jobs' queue (null or blank: the dashboard
     * answers 403 saying how to set one).
     */
    public MemesConfig withAdminToken(String token) {
        return new MemesConfig(host, port, renderThreads, renderQueue, requestTimeout, shutdownTimeout, preload,
                renderer, databaseUrl, workers, maxBodyBytes, token == null || token.isBlank() ? null : token);
    }
}
