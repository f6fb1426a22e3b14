package io.spool.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sits in front of the HTTP decoder and starts a clock when the first bytes of a request arrive; the request
 * must be complete (headers and body) before it runs out, else the connection gets a 408 and is closed. This
 * is what stops a client that trickles its request, or never finishes it, from holding a connection forever.
 * A completed request only clears the start time: the one timer of a busy connection is reused rather than
 * scheduled and cancelled for every request.
 */
final class ReadTimer extends ChannelInboundHandlerAdapter {
    static final Object EXPIRED = new Object();

    private final long timeoutNanos;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    private long startedAt;   // 0: no request being received

    ReadTimer(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (startedAt == 0 && timeoutNanos > 0) {
            startedAt = System.nanoTime();
            if (timer == null) {
                schedule(timeoutNanos);
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void schedule(long delayNanos) {
        timer = ctx.executor().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        timer = null;
        if (startedAt == 0 || !ctx.channel().isActive()) {
            return;
        }
        long left = startedAt + timeoutNanos - System.nanoTime();
        if (left > 0) {
            schedule(left);   // a later request started after the one this timer was set for
        } else {
            startedAt = 0;
            ctx.fireUserEventTriggered(EXPIRED);
        }
    }

    /** A whole request arrived: the next one starts its clock when its first bytes come. */
    void disarm() {
        startedAt = 0;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        ctx.fireChannelInactive();
    }
}
