package io.spool.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent event stream as the body of an answer: the user's {@link ServerSentEvents.Source} runs on a
 * virtual thread of its own and puts events in a small queue; the response writer reads them as an
 * {@link java.io.InputStream} like any streamed body, so backpressure, the stall timeout and a departed client are handled
 * as for every stream. A read that waits a heartbeat period for an event returns a comment instead.
 */
final class EventStream extends PieceInputStream implements ServerSentEvents {
    private static final byte[] END = new byte[0];
    private static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.UTF_8);

    private final Source source;
    private final String lastEventId;
    private final long heartbeatNanos;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(16);
    private volatile boolean open = true;
    private Thread producer;
    private byte[] current;
    private int position;

    EventStream(Source source, String lastEventId, long heartbeatNanos) {
        this.source = source;
        this.lastEventId = lastEventId;
        this.heartbeatNanos = heartbeatNanos;
    }

    // ---- the source's side

    @Override
    public void send(SseEvent event) throws IOException, InterruptedException {
        put(event.wire());
    }

    @Override
    public void comment(String text) throws IOException, InterruptedException {
        put(": " + text.replaceAll("\r\n|\r|\n", " ") + "\n\n");
    }

    private void put(String wire) throws IOException, InterruptedException {
        byte[] bytes = wire.getBytes(StandardCharsets.UTF_8);
        while (open) {
            if (queue.offer(bytes, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new IOException("the client is gone");
    }

    @Override
    public String lastEventId() {
        return lastEventId;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    // ---- the writer's side

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (producer == null) {
            producer = Thread.ofVirtual().name("spool-web-sse").start(this::produce);
        }
        if (current == null || position == current.length) {
            try {
                current = queue.poll(heartbeatNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("event stream interrupted");
            }
            position = 0;
            if (current == null) {
                current = HEARTBEAT;
            } else if (current == END) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    private void produce() {
        try {
            source.run(this);
        } catch (InterruptedException e) {
            // the stream was closed
        } catch (Exception e) {
            if (open) {
                System.getLogger("io.spool.web").log(System.Logger.Level.WARNING, "event source failed", e);
            }
        } finally {
            try {
                while (open && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    // the writer is slow: wait, unless the stream closes meanwhile
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The answer is over (or the client gone): the source's next send throws, and a waiting one is woken. */
    @Override
    public void close() {
        open = false;
        Thread p = producer;
        if (p != null) {
            p.interrupt();
        }
    }
}
