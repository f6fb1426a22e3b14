package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spool.memes.render.CacheStats;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Deadlines that stop the render thread, overload that stays responsive, and a shutdown that drains. */
class LifecycleTest {
    private static MemesServer start(int threads, int queue, Duration timeout, SlowHook hook) {
        return MemesServer.start(MemesConfig.defaults().withAddress("127.0.0.1", 0).withRenderPool(threads, queue)
                .withTimeouts(timeout, Duration.ofSeconds(10)), hook);
    }

    @Test
    void preloadDecodesEveryTemplateBeforeTheFirstRequest() {
        MemesConfig config = MemesConfig.defaults().withAddress("127.0.0.1", 0).withRenderPool(2, 8);
        try (MemesServer cold = MemesServer.start(config)) {
            assertThat(templateCache(cold).entries()).isZero();
        }
        try (MemesServer warm = MemesServer.start(config.withPreload(true))) {
            CacheStats templates = templateCache(warm);
            assertThat(templates.entries()).isEqualTo(warm.renderer().templates().size());
            assertThat(templates.misses()).isEqualTo(templates.entries());
            // the first request then finds its template decoded
            assertThat(new Http(warm).get("/caption?template=chelsea&top_text=warm").statusCode()).isEqualTo(200);
            assertThat(templateCache(warm).misses()).isEqualTo(templates.misses());
        }
    }

    private static CacheStats templateCache(MemesServer server) {
        return server.renderer().stats().templates();
    }

    @Test
    void pastTheDeadlineIs504AndTheRenderThreadIsInterrupted() throws Exception {
        SlowHook hook = new SlowHook();
        try (MemesServer server = start(1, 4, Duration.ofMillis(1500), hook)) {
            Http http = new Http(server);
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.get("/caption?template=chelsea&top_text=" + SlowHook.slow(60_000));
            long tookMillis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(Http.json(r).path("error").asText()).contains("deadline");
            assertThat(tookMillis).isLessThan(30_000);
            // the render thread saw the interrupt and stopped sleeping long before its 60 s
            assertThat(hook.stopped.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
            assertThat(hook.finished.get()).isZero();
            awaitIdle(server);
            assertThat(server.renderPool().stats().interrupted()).isEqualTo(1);
            assertThat(server.renderPool().stats().cancelled()).isEqualTo(1);
            // and the single thread is free again for the next request
            assertThat(http.get("/caption?template=chelsea&top_text=next&width=64").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aQueuedRenderPastItsDeadlineIsDropped() throws Exception {
        SlowHook hook = new SlowHook();
        try (MemesServer server = start(1, 4, Duration.ofMillis(1500), hook)) {
            Http http = new Http(server);
            // a render that does not stop when told keeps the only thread past the next request's deadline
            CompletableFuture<HttpResponse<byte[]>> busy = http.getAsync("/caption?template=chelsea&top_text="
                    + SlowHook.stubborn(4000));
            assertThat(hook.running.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
            HttpResponse<byte[]> queued = http.get("/caption?template=chelsea&top_text=" + SlowHook.slow(1));
            assertThat(queued.statusCode()).isEqualTo(504);
            // the 504 comes from the event loop; the handler's thread, interrupted, takes its render off the queue
            // soon after, and well before the stubborn render frees the thread
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (server.renderPool().stats().queued() != 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(server.renderPool().stats().queued()).as("removed from the queue at its deadline").isZero();
            assertThat(busy.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(504);
            awaitIdle(server);
            Thread.sleep(200);
            assertThat(hook.started.get()).as("the queued render never ran").isEqualTo(1);
            assertThat(server.renderPool().stats().queued()).isZero();
        }
    }

    @Test
    void overloadIs503WithRetryAfterWhileTheServerStaysResponsive() throws Exception {
        SlowHook hook = new SlowHook();
        try (MemesServer server = start(1, 1, Duration.ofSeconds(30), hook)) {
            Http http = new Http(server);
            CompletableFuture<HttpResponse<byte[]>> running = http.getAsync("/caption?template=chelsea&top_text="
                    + SlowHook.slow(3000));
            assertThat(hook.running.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<HttpResponse<byte[]>> queued = http.getAsync("/caption?template=chelsea&bottom_text="
                    + SlowHook.slow(10));
            awaitQueued(server, 1);
            HttpResponse<byte[]> rejected = http.get("/caption?template=coffee&top_text=one+too+many");
            assertThat(rejected.statusCode()).isEqualTo(503);
            assertThat(rejected.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(Http.json(rejected).path("error").asText()).contains("try again");
            // what does not render still answers at once
            long t0 = System.nanoTime();
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
            assertThat(http.get("/templates").statusCode()).isEqualTo(200);
            assertThat(Http.json(http.get("/stats")).path("renderPool").path("rejected").asLong()).isEqualTo(1);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2500);
            // and the accepted work completes
            assertThat(running.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(queued.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void gracefulShutdownDrainsARenderInFlight() throws Exception {
        SlowHook hook = new SlowHook();
        MemesServer server = start(2, 4, Duration.ofSeconds(30), hook);
        Http http = new Http(server);
        int threadsBefore = renderThreads();
        CompletableFuture<HttpResponse<byte[]>> inFlight = http.getAsync("/caption?template=chelsea&top_text="
                + SlowHook.slow(1500));
        assertThat(hook.running.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(20)));
        HttpResponse<byte[]> r = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Connection")).hasValue("close");
        assertThat(Http.image(r.body()).getWidth()).isEqualTo(451);
        stop.get(30, TimeUnit.SECONDS);
        assertThat(hook.interrupted.get()).isZero();
        assertThatThrownBy(() -> http.get("/health")).hasCauseInstanceOf(ConnectException.class);
        assertThat(renderThreads()).isLessThanOrEqualTo(threadsBefore - 2);
    }

    private static int renderThreads() throws InterruptedException {
        Thread.sleep(100);
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("memes-render-")).count();
    }

    private static void awaitIdle(MemesServer server) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.renderPool().stats().active() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }

    private static void awaitQueued(MemesServer server, int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.renderPool().stats().queued() < n && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(server.renderPool().stats().queued()).isEqualTo(n);
    }
}
