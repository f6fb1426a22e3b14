package io.spool.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * Netty's aggregator, with every early answer put in line behind the answers to earlier pipelined requests: an
 * oversized body is handed on as a {@link Rejected} 413 and an expectation other than {@code 100-continue} as a
 * {@link Rejected} 417 (JSON like every other error), and a body within the limit that waits for
 * {@code 100 Continue} is preceded by {@link Interim#CONTINUE}. A request that announces no body (most GETs) skips
 * the aggregation buffers: its head and the decoder's empty end marker, which follows at once, become one full
 * request.
 *
 * <p>Bodies are admitted against the server's {@link BodyBudget}: a declared length before any of it is read, a
 * chunked body piece by piece. What does not fit waits, with the connection's reading paused (its bytes stay in
 * the kernel), for up to the budget wait; then it gets a 503 with {@code Retry-After}.
 *
 * <p>The body of a streaming route ({@link WebApp#streaming}) is not gathered: its head goes on at once as a
 * {@link StreamedRequest}, and its pieces into that request's {@link BodyStream} as they come. It needs no budget:
 * the stream pauses reading while it holds more than a few tens of kilobytes.
 */
final class BodyLimit extends HttpObjectAggregator {
    private static final long RETRY_MILLIS = 10;

    private final int max;
    private final BodyBudget budget;
    private final long waitNanos;
    private final Reading reading;
    private final BiPredicate<String, String> streams;
    private final long maxStreamed;
    private final long streamStallNanos;
    private BodyStream streaming;   // the streamed body being read, if any
    private RequestHead bodiless;   // a head without a body, until its end marker
    private boolean refused;        // an early answer was given: the connection closes, what follows is dropped
    private boolean piecewise;      // the body being read is chunked: its pieces are admitted one by one
    private long admitted;          // budget held by the body being aggregated
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();   // the first one needs budget; the rest follow it
    private long waitingSince;

    BodyLimit(Settings settings, BodyBudget budget, Reading reading, BiPredicate<String, String> streams) {
        super(settings.maxBodySize);
        this.max = settings.maxBodySize;
        this.budget = budget;
        this.waitNanos = WritabilityGate.nanos(settings.bodyBudgetWait);
        this.reading = reading;
        this.streams = streams;
        this.maxStreamed = settings.maxStreamedBodySize;
        this.streamStallNanos = WritabilityGate.nanos(settings.readTimeout);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!waiting.isEmpty()) {
            waiting.add(msg);   // bytes decoded in the same read as the message that waits
            return;
        }
        if (!admit(msg)) {
            waiting.add(msg);
            waitingSince = System.nanoTime();
            reading.pause(Reading.BODY_BUDGET);
            ctx.executor().schedule(() -> retry(ctx), RETRY_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        pass(ctx, msg);
    }

    /** Reserves what {@code msg} brings into memory; false when the budget has no room for it now. */
    private boolean admit(Object msg) {
        long need = 0;   // a streamed body needs none: it holds a few pieces at a time
        if (msg instanceof RequestHead head && head.hasBody() && !head.streamed(streams)) {
            long length = HttpUtil.getContentLength(head, -1L);
            need = length > 0 && length <= max ? length : 0;   // past the limit: the 413 needs no budget
        } else if (msg instanceof HttpContent piece && piecewise && streaming == null) {
            need = piece.content().readableBytes();
        }
        if (need > 0 && !budget.tryReserve(need)) {
            return false;
        }
        admitted += need;
        return true;
    }

    private void retry(ChannelHandlerContext ctx) {
        if (waiting.isEmpty() || !ctx.channel().isActive()) {
            return;
        }
        if (admit(waiting.peek())) {
            try {
                while (!waiting.isEmpty()) {
                    Object next = waiting.poll();
                    if (!refused) {
                        pass(ctx, next);
                    } else {
                        ReferenceCountUtil.release(next);
                    }
                    if (!waiting.isEmpty() && !admit(waiting.peek())) {
                        waitingSince = System.nanoTime();
                        ctx.executor().schedule(() -> retry(ctx), RETRY_MILLIS, TimeUnit.MILLISECONDS);
                        return;
                    }
                }
            } catch (Exception e) {
                ctx.fireExceptionCaught(e);
            }
            reading.resume(Reading.BODY_BUDGET);
        } else if (System.nanoTime() - waitingSince > waitNanos) {
            refused = true;
            dropWaiting();
            ctx.fireChannelRead(new Rejected(503, "the server holds as many request bodies as it can; retry later",
                    1 + (int) TimeUnit.NANOSECONDS.toSeconds(waitNanos)));
        } else {
            ctx.executor().schedule(() -> retry(ctx), RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** What the aggregator did before the budget: early answers in line, and the bodiless fast path. */
    private void pass(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (bodiless != null) {
            RequestHead head = bodiless;
            bodiless = null;
            if (msg == LastHttpContent.EMPTY_LAST_CONTENT) {
                ctx.fireChannelRead(new FullRequest(head, Unpooled.EMPTY_BUFFER));
                return;
            }
            super.channelRead(ctx, head);   // not what it announced: aggregate as usual
        }
        if (msg instanceof RequestHead head && head.decoderResult().isSuccess()) {
            piecewise = !head.hasLength();   // chunked, or HTTP/2 DATA
            if (expectsTheUnsupported(head)) {
                refused = true;
                ctx.fireChannelRead(new Rejected(417, "unsupported Expect header (only 100-continue is understood)"));
                return;
            }
            if (!head.hasBody()) {
                bodiless = head;
                return;
            }
            boolean streamed = head.streamed(streams);
            if (HttpUtil.is100ContinueExpected(head)) {
                // answered in line by the connection, not at once by the aggregator; an oversized body gets no
                // invitation, and the aggregator hands on its 413
                head.headers().remove(HttpHeaderNames.EXPECT);
                if (HttpUtil.getContentLength(head, -1L) <= (streamed ? maxStreamed : max)) {
                    ctx.fireChannelRead(Interim.CONTINUE);
                }
            }
            if (streamed) {
                streaming = new BodyStream(ctx.channel().eventLoop(), reading, maxStreamed, streamStallNanos);
                ctx.fireChannelRead(new StreamedRequest(head, streaming));
                return;
            }
        }
        if (streaming != null && msg instanceof HttpContent piece) {
            stream(piece);
            return;
        }
        super.channelRead(ctx, msg);
    }

    private void stream(HttpContent piece) {
        BodyStream body = streaming;
        if (piece.content().isReadable() && !body.offer(piece.content().retain())) {
            refused = true;   // past the limit: its handler is told by the stream, the connection closes after
        }
        if (piece instanceof LastHttpContent) {
            body.end();
            streaming = null;
        }
        piece.release();
    }

    /** HTTP/1.1 or later with an {@code Expect} header other than {@code 100-continue} (earlier versions have none). */
    private static boolean expectsTheUnsupported(HttpRequest head) {
        String expect = head.headers().get(HttpHeaderNames.EXPECT);
        return expect != null && head.protocolVersion().compareTo(HttpVersion.HTTP_1_1) >= 0
                && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect);
    }

    @Override
    protected FullHttpMessage beginAggregation(HttpMessage start, ByteBuf content) {
        HttpUtil.setTransferEncodingChunked(start, false);
        return new FullRequest((RequestHead) start, content);
    }

    @Override
    protected void aggregate(FullHttpMessage aggregated, HttpContent content) {
        // nothing to merge: RequestDecoder checks trailers and drops them
    }

    @Override
    protected void finishAggregation(FullHttpMessage aggregated) throws Exception {
        super.finishAggregation(aggregated);
        ((FullRequest) aggregated).budgeted(admitted);   // released by the connection when the exchange ends
        admitted = 0;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        budget.release(admitted);
        admitted = 0;
        if (oversized instanceof HttpRequest) {
            refused = true;
            ctx.fireChannelRead(new Rejected(413, "request body larger than " + max + " bytes"));
        } else {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseAll();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
        releaseAll();
        super.handlerRemoved(ctx);
    }

    private void releaseAll() {
        budget.release(admitted);
        admitted = 0;
        dropWaiting();
        if (streaming != null) {
            streaming.clientGone();
            streaming = null;
        }
    }

    private void dropWaiting() {
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
    }
}
