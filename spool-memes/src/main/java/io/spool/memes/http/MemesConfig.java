package io.spool.memes.http;

import io.spool.memes.render.RendererConfig;
import java.time.Duration;

/**
 * Everything the service is started with: where it listens, the render pool (threads and queue length), the
 * per-request deadline and the shutdown grace, whether templates are decoded at start ({@code preload}), the
 * renderer's setup (asset directories, cache sizes, limits, JPEG quality), and the database of the jobs with the
 * number of jobs this process renders at once ({@code databaseUrl} null: no jobs; {@code workers} 0: this process
 * accepts jobs but leaves rendering them to others). {@code maxBodyBytes} bounds JSON and form bodies,
 * {@code maxUploadBytes} images sent in a body (uploads, multipart captions). {@code adminToken} guards the
 * template write endpoints and {@code /admin/tasks}, the jobs' dashboard (null: they answer 403 saying how to enable
 * them); {@code remoteImages} says whether
 * and from where {@code ?background=URL} fetches. Immutable; the {@code with...} methods return copies.
 */
public record MemesConfig(String host, int port, int renderThreads, int renderQueue, Duration requestTimeout,
                          Duration shutdownTimeout, boolean preload, RendererConfig renderer, String databaseUrl,
                          int workers, int maxBodyBytes, int maxUploadBytes, String adminToken,
                          RemoteImageConfig remoteImages) {
    public static final int DEFAULT_PORT = 1337;

    public MemesConfig {
        if (renderThreads < 1 || renderQueue < 0 || workers < 0 || maxBodyBytes < 1 || maxUploadBytes < maxBodyBytes) {
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
                Duration.ofSeconds(20), false, RendererConfig.DEFAULT, null, 2, 64 * 1024, 8 << 20, null,
                RemoteImageConfig.OFF);
    }

    public MemesConfig withAddress(String newHost, int newPort) {
        return new MemesConfig(newHost, newPort, renderThreads, renderQueue, requestTimeout, shutdownTimeout, preload,
                renderer, databaseUrl, workers, maxBodyBytes, maxUploadBytes, adminToken, remoteImages);
    }

    public MemesConfig withRenderPool(int threads, int queue) {
        return new MemesConfig(host, port, threads, queue, requestTimeout, shutdownTimeout, preload, renderer,
                databaseUrl, workers, maxBodyBytes, maxUploadBytes, adminToken, remoteImages);
    }

    public MemesConfig withTimeouts(Duration request, Duration shutdown) {
        return new MemesConfig(host, port, renderThreads, renderQueue, request, shutdown, preload, renderer,
                databaseUrl, workers, maxBodyBytes, maxUploadBytes, adminToken, remoteImages);
    }

    public MemesConfig withPreload(boolean on) {
        return new MemesConfig(host, port, renderThreads, renderQueue, requestTimeout, shutdownTimeout, on, renderer,
                databaseUrl, workers, maxBodyBytes, maxUploadBytes, adminToken, remoteImages);
    }

    public MemesConfig withRenderer(RendererConfig config) {
        return new MemesConfig(host, port, renderThreads, renderQueue, requestTimeout, shutdownTimeout, preload,
                config, databaseUrl, workers, maxBodyBytes, maxUploadBytes, adminToken, remoteImages);
    }

    public MemesConfig withJobs(String url, int workerCount) {
        return new MemesConfig(host, port, renderThreads, renderQueue, requestTimeout, shutdownTimeout, preload,
                renderer, url, workerCount, maxBodyBytes, maxUploadBytes, adminToken, remoteImages);
    }

    /** The bearer token of the template write endpoints and of /admin/tasks; null or blank turns them off (403). */
    public MemesConfig withAdminToken(String token) {
        return new MemesConfig(host, port, renderThreads, renderQueue, requestTimeout, shutdownTimeout, preload,
                renderer, databaseUrl, workers, maxBodyBytes, maxUploadBytes,
                token == null || token.isBlank() ? null : token, remoteImages);
    }

    /** The largest image a body may carry (an upload, a multipart caption request). */
    public MemesConfig withMaxUploadBytes(int bytes) {
        return new MemesConfig(host, port, renderThreads, renderQueue, requestTimeout, shutdownTimeout, preload,
                renderer, databaseUrl, workers, maxBodyBytes, bytes, adminToken, remoteImages);
    }

    public MemesConfig withRemoteImages(RemoteImageConfig remote) {
        return new MemesConfig(host, port, renderThreads, renderQueue, requestTimeout, shutdownTimeout, preload,
                renderer, databaseUrl, workers, maxBodyBytes, maxUploadBytes, adminToken, remote);
    }

    /** As a record prints itself, with the admin token and the database password hidden (configs get logged). */
    @Override
    public String toString() {
        return "MemesConfig[host=" + host + ", port=" + port + ", renderThreads=" + renderThreads + ", renderQueue="
                + renderQueue + ", requestTimeout=" + requestTimeout + ", shutdownTimeout=" + shutdownTimeout
                + ", preload=" + preload + ", renderer=" + renderer + ", databaseUrl="
                + (databaseUrl == null ? null : databaseUrl.replaceAll(":[^:@/]*@", ":***@")) + ", workers=" + workers
                + ", maxBodyBytes=" + maxBodyBytes + ", maxUploadBytes=" + maxUploadBytes + ", adminToken="
                + (adminToken == null ? null : "***") + ", remoteImages=" + remoteImages + "]";
    }
}
