package io.spool.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sits in front of the HTTP decoder and starts a clock when the first bytes of a request arrive; the request
 * must be complete (headers and body) before it runs out, else the connection gets a 408 and is closed. This
 * is what stops a client that trickles its request, or never finishes it, from holding a connection forever.
 */
final class ReadTimer extends ChannelInboundHandlerAdapter {
    static final Object EXPIRED = new Object();

    private final long timeoutNanos;
    private ScheduledFuture<?> timer;

    ReadTimer(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (timer == null && timeoutNanos > 0) {
            timer = ctx.executor().schedule(() -> {
                timer = null;
                ctx.fireUserEventTriggered(EXPIRED);
            }, timeoutNanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    /** A whole request arrived: the next one gets a fresh clock when its bytes come. */
    void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }
}
