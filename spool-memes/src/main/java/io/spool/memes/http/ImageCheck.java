package io.spool.memes.http;

import io.spool.memes.model.BadImageException;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.model.LimitExceededException;
import io.spool.memes.model.MemeException;
import io.spool.memes.render.ImageDecoder;
import io.spool.memes.render.Picture;
import io.spool.memes.render.RenderLimits;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Decodes an image sent to the service (an upload, a fetched background) once, under the renderer's limits on
 * bytes, pixels (read from the header first, so a decompression bomb is refused unread) and GIF frames, and under
 * a time limit, on a small pool of its own platform threads so a slow decode neither blocks the event loop nor
 * takes a render thread. Too big: 413; not an image, or too slow to decode: 422.
 */
final class ImageCheck implements AutoCloseable {
    /** What the check found. */
    record Summary(ImageFormat format, int width, int height, int frames) {
    }

    private final RenderLimits limits;
    private final long maxBytes;
    private final Duration timeout;
    private final ThreadPoolExecutor threads;

    ImageCheck(RenderLimits limits, long maxBytes, Duration timeout) {
        this.limits = limits;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.threads = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32),
                Thread.ofPlatform().daemon().name("image-check-", 0).factory());
    }

    Summary check(byte[] bytes, String what) throws InterruptedException {
        if (bytes.length > maxBytes) {
            throw new LimitExceededException(what + " is " + bytes.length + " bytes; at most " + maxBytes);
        }
        if (ImageFormat.detect(bytes).isEmpty()) {
            throw new BadImageException(what + " is not a PNG, JPEG or GIF image", null);
        }
        Future<Picture> decoding;
        try {
            decoding = threads.submit(() -> ImageDecoder.decode(bytes, limits));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new OverloadedException("too many images are being checked; try again shortly", 1);
        }
        try {
            Picture p = decoding.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Summary(p.format(), p.width(), p.height(), p.frames().size());
        } catch (TimeoutException e) {
            decoding.cancel(true);
            throw new BadImageException(what + " took longer than " + timeout.toMillis() + " ms to decode", null);
        } catch (InterruptedException e) {
            decoding.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MemeException m) {
                throw m;
            }
            throw new BadImageException(what + " cannot be decoded: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
