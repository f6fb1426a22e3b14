package io.spool.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request body as it arrives, for a handler of a streaming route: the event loop offers each piece the decoder
 * reads, the handler's thread reads them. Backpressure: past {@link #HIGH_WATER} bytes unread the connection stops
 * reading (the client's bytes wait in its socket), and reading resumes once the handler has taken the buffer down
 * to {@link #LOW_WATER}. So a streamed body costs a few tens of kilobytes however large it is.
 *
 * <p>A read waits at most the server's read timeout for the next bytes (then a 408); a client that leaves makes
 * it throw; a body past the streaming limit makes it throw a 413 {@link HttpError}.
 */
final class BodyStream extends InputStream {
    static final int HIGH_WATER = 64 * 1024;
    static final int LOW_WATER = 16 * 1024;

    private final EventLoop loop;
    private final Reading reading;
    private final long maxBytes;
    private final long stallNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<ByteBuf> pieces = new ArrayDeque<>();
    private long buffered;
    private long received;
    private boolean ended;
    private boolean closed;
    private boolean paused;
    private RuntimeException failure;
    private IOException gone;

    BodyStream(EventLoop loop, Reading reading, long maxBytes, long stallNanos) {
        this.loop = loop;
        this.reading = reading;
        this.maxBytes = maxBytes;
        this.stallNanos = stallNanos;
    }

    // ---- the event loop's side

    /** Takes a piece (its reference included); false when the body is now past the limit. */
    boolean offer(ByteBuf piece) {
        lock.lock();
        try {
            received += piece.readableBytes();
            if (closed || failure != null) {
                piece.release();
                return failure == null;
            }
            if (received > maxBytes) {
                piece.release();
                failure = new HttpError(413, "request body larger than " + maxBytes + " bytes");
                arrived.signalAll();
                return false;
            }
            pieces.add(piece);
            buffered += piece.readableBytes();
            if (buffered > HIGH_WATER && !paused) {
                paused = true;
                reading.pause(Reading.STREAM_FULL);
            }
            arrived.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    void end() {
        lock.lock();
        try {
            ended = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The client left before the body ended. */
    void clientGone() {
        lock.lock();
        try {
            if (!ended) {
                gone = new IOException("the client closed the connection before the body ended");
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- the handler's side

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            long left = stallNanos;
            while (pieces.isEmpty()) {
                if (failure != null) {
                    throw failure;
                }
                if (ended || closed) {
                    return -1;
                }
                if (gone != null) {
                    throw gone;
                }
                try {
                    if (stallNanos <= 0) {
                        arrived.await();
                    } else if (left > 0) {
                        left = arrived.awaitNanos(left);
                    } else {
                        throw new HttpError(408, "request body not received in time");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while reading the request body");
                }
            }
            ByteBuf first = pieces.peek();
            int n = Math.min(len, first.readableBytes());
            first.readBytes(b, off, n);
            if (!first.isReadable()) {
                pieces.poll().release();
            }
            buffered -= n;
            if (paused && buffered <= LOW_WATER) {
                paused = false;
                loop.execute(() -> reading.resume(Reading.STREAM_FULL));
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return (int) Math.min(Integer.MAX_VALUE, buffered);
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is buffered; later pieces are dropped as they come. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            pieces.forEach(ByteBuf::release);
            pieces.clear();
            buffered = 0;
            if (paused) {
                paused = false;
                loop.execute(() -> reading.resume(Reading.STREAM_FULL));
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the whole body arrived (read or dropped): only then can the connection carry another request. */
    boolean arrivedWhole() {
        lock.lock();
        try {
            return ended && failure == null;
        } finally {
            lock.unlock();
        }
    }
}
