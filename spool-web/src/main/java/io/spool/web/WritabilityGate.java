package io.spool.web;

import io.netty.channel.Channel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets a handler's virtual thread wait until its channel can take more bytes, so that a streamed body is
 * produced only as fast as the client reads it (the outbound buffer stays under Netty's high-water mark).
 * The event loop signals on every writability change and when the channel closes.
 */
final class WritabilityGate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Returns true when writable, false when the channel closed or stayed full for {@code timeoutNanos}. */
    boolean awaitWritable(Channel channel, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long left = timeoutNanos;
            while (channel.isActive() && !channel.isWritable()) {
                if (left <= 0) {
                    return false;
                }
                left = changed.awaitNanos(left);
            }
            return channel.isActive();
        } finally {
            lock.unlock();
        }
    }

    static long nanos(java.time.Duration d) {
        return TimeUnit.NANOSECONDS.convert(d);
    }
}
