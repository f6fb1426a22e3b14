package io.spool.web;

import io.netty.channel.IoHandlerContext;

/** A loop's context, except that it never lets Netty's handler block: the handler only polls. */
final class PollOnlyContext implements IoHandlerContext {
    private IoHandlerContext context;

    /** This, over {@code context} (one object a loop, reused every round). */
    IoHandlerContext of(IoHandlerContext context) {
        this.context = context;
        return this;
    }

    @Override
    public boolean canBlock() {
        return false;
    }

    @Override
    public long delayNanos(long currentTimeNanos) {
        return context.delayNanos(currentTimeNanos);
    }

    @Override
    public long deadlineNanos() {
        return context.deadlineNanos();
    }

    @Override
    public void reportActiveIoTime(long activeNanos) {
        context.reportActiveIoTime(activeNanos);
    }

    @Override
    public boolean shouldReportActiveIoTime() {
        return context.shouldReportActiveIoTime();
    }
}
