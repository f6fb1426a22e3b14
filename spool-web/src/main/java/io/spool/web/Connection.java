package io.spool.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The per-connection state on the event loop. Requests are answered one at a time, in arrival order (which is
 * what HTTP/1.1 pipelining requires); each runs on a fresh virtual thread while the loop goes on parsing. A
 * queue of pipelined requests that grows too long pauses reading. The loop itself writes only the answers
 * nobody else can give: malformed input, timeouts, oversized bodies and expired deadlines.
 */
final class Connection extends ChannelInboundHandlerAdapter {
    private static final int PAUSE_READING_AT = 16;
    private static final long LINGER_MILLIS = 2000;
    /** The status a request abandoned by its client is counted under (nginx's name for it). */
    private static final int CLIENT_CLOSED_REQUEST = 499;
    private static final byte[] NO_BYTES = new byte[0];
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final System.Logger LOG = System.getLogger("io.spool.web");

    private final WebServer server;
    private final ReadTimer readTimer;
    private final Reading reading;
    private final WritabilityGate gate = new WritabilityGate();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Exchange current;
    private boolean closing;
    private ScheduledFuture<?> deadlineTimer;
    private LoopRequests loopRequests;   // null on event loops spool-web did not make
    private ExecutorService handlers;
    private boolean countedInFlight;

    Connection(WebServer server, ReadTimer readTimer, Reading reading) {
        this.server = server;
        this.readTimer = readTimer;
        this.reading = reading;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.loopRequests = LoopRequests.current();
        this.handlers = server.handlersFor(ctx.executor());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        server.opened(this);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        server.closed(this);
        countInFlight(false);   // a handler still running for a closed connection needs no quick pickup
        closing = true;
        if (current != null && server.interruptWhenClientLeaves() && current.expire(CLIENT_CLOSED_REQUEST)) {
            server.finished(current);   // interrupted; whatever it answers has nobody to go to
        }
        // a handler still running keeps its deadline: it is interrupted then, though nobody waits for its answer
        if (deadlineTimer != null && (current == null || current.answered())) {
            deadlineTimer.cancel(false);
            deadlineTimer = null;
        }
        dropQueue();
        gate.signal();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        gate.signal();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullRequest || msg instanceof Rejected || msg instanceof StreamedRequest) {
            readTimer.disarm();   // a streamed body's reads have a timeout of their own
        }
        if (closing) {
            discard(msg);
            return;
        }
        queue.add(msg);
        if (queue.size() >= PAUSE_READING_AT) {
            reading.pause(Reading.QUEUE_FULL);
        }
        startNext();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == ReadTimer.EXPIRED && !closing) {
            queue.add(new Rejected(408, "request not received in time"));
            reading.pause(Reading.CLOSING);
            closing = true;   // nothing after a half-received request can be read reliably
            startNext();
        } else if (evt instanceof IdleStateEvent && idleOrStalled()) {
            ctx.close();
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // resets and broken pipes from clients that left: nothing to answer, nobody to tell
        ctx.close();
    }

    /**
     * Nothing to do for a whole idle period: no request, or an answer the client has not read from for that
     * long (a handler still computing is not idle; the deadline watches it instead).
     */
    private boolean idleOrStalled() {
        if (current == null) {
            return queue.isEmpty();
        }
        return current.answered() && !ctx.channel().isWritable();
    }

    /** Called on the event loop when the server starts draining. */
    void drain() {
        closing = true;
        dropQueue();
        if (current == null) {
            ctx.close();
        } else {
            current.closeAfter();
        }
    }

    void executeOnLoop(Runnable r) {
        ctx.executor().execute(r);
    }

    private void startNext() {
        if (current != null || queue.isEmpty()) {
            return;
        }
        Object msg = queue.poll();
        if (queue.size() < PAUSE_READING_AT / 2 && !closing) {
            reading.resume(Reading.QUEUE_FULL);
        }
        if (msg == Interim.CONTINUE) {
            inviteBody();
            startNext();   // the request that asked follows once its body has arrived
            return;
        }
        if (msg instanceof Rejected r) {
            reject(r);
            return;
        }
        if (msg instanceof StreamedRequest streamed) {
            RequestHead head = streamed.head();
            start(head, head.target(), NO_BYTES, streamed.body(), 0);
            return;
        }
        FullRequest req = (FullRequest) msg;
        try {
            start(req, req.target(), bytes(req.content()), null, req.budgeted());
        } finally {
            req.release();
        }
    }

    private void start(HttpRequest req, RequestTarget target, byte[] body, BodyStream stream, long budgeted) {
        String requestId = server.requestIds().idFor(req.headers().get(RequestIds.HEADER_NAME));
        Context c = new Context(req.method().name(), target, req.headers(), body, stream,
                (InetSocketAddress) ctx.channel().remoteAddress(),
                server.mapper(), requestId);
        c.eventLoop(ctx.channel().eventLoop());
        boolean keepAlive = HttpUtil.isKeepAlive(req) && !closing;
        Exchange ex = new Exchange(c, keepAlive, req.protocolVersion().equals(HttpVersion.HTTP_1_0),
                server.compression(), budgeted);
        current = ex;
        server.started();
        countInFlight(true);
        // a streamed upload may take longer than any answer should: its reads time out instead
        if (server.deadlineNanos() > 0 && deadlineTimer == null && stream == null) {
            deadlineTimer = ctx.executor().schedule(this::checkDeadline, server.deadlineNanos(), TimeUnit.NANOSECONDS);
        }
        try {
            handlers.execute(() -> run(ex));
        } catch (RejectedExecutionException stopped) {
            server.finished(ex);
            ctx.close();
        }
    }

    /**
     * Written below the HTTP encoder, which would take an interim answer for the answer to the request's method
     * (it pairs each answer with the method of one request) and then frame the next answers wrongly.
     */
    private void inviteBody() {
        ChannelHandlerContext codec = ctx.pipeline().context(ServerCodec.class);
        if (codec != null) {
            codec.writeAndFlush(Unpooled.wrappedBuffer(CONTINUE));
        } else {   // an HTTP/2 stream: the codec sends an interim HEADERS frame
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    private static byte[] bytes(ByteBuf content) {
        return content.isReadable() ? ByteBufUtil.getBytes(content) : NO_BYTES;
    }

    /** On the handler's virtual thread. */
    private void run(Exchange ex) {
        ex.runningOn(Thread.currentThread());
        Response res = server.dispatcher().handle(ex.ctx);
        res.header(RequestIds.HEADER, ex.ctx.requestId());
        BodyStream stream = ex.ctx.stream();
        if (stream != null && !stream.arrivedWhole()) {
            ex.closeAfter();   // where the next request starts is somewhere in the rest of this body
        }
        try {
            answer(ex, res);
        } finally {
            ex.ctx.releaseBody();   // after the answer, which may still read an upload's file
        }
    }

    private void answer(Exchange ex, Response res) {
        if (res.body() instanceof WsUpgrade upgrade && ex.answer(res.status())) {
            ctx.executor().execute(() -> upgrade(ex, upgrade));
            return;
        }
        if (!ctx.channel().isActive()) {
            if (ex.answer(res.status())) {   // the client left, or the server stopped: nobody to answer
                server.finished(ex);
            }
            Dispatcher.closeBody(res);
        } else if (ex.answer(res.status())) {
            ChannelFuture f;
            try {
                f = ResponseWriter.write(ctx.channel(), res, ex, gate, server.stallNanos());
            } catch (RuntimeException e) {
                // the dispatcher checks what it hands over, so this is a bug; still, the exchange must end
                LOG.log(System.Logger.Level.ERROR, "response to request " + ex.ctx.requestId() + " not written", e);
                Dispatcher.closeBody(res);
                f = ctx.channel().close();
            }
            f.addListener((ChannelFutureListener) done -> finished(ex, done));
        } else {
            Dispatcher.closeBody(res);   // the deadline answered already; this body has no reader
        }
    }

    /**
     * On the event loop: the connection's one deadline timer, reused from request to request (a request at a
     * time runs per connection), so a busy connection schedules about one timer per deadline period, not one
     * per request.
     */
    private void checkDeadline() {
        deadlineTimer = null;
        Exchange ex = current;
        if (ex == null || ex.answered() || ex.ctx.stream() != null) {
            return;   // the next request arms it again
        }
        long left = ex.startNanos + server.deadlineNanos() - System.nanoTime();
        if (left > 0) {
            deadlineTimer = ctx.executor().schedule(this::checkDeadline, left, TimeUnit.NANOSECONDS);
        } else {
            expire(ex);
        }
    }

    /** On the event loop, when the deadline passes before the handler answered. */
    private void expire(Exchange ex) {
        int status = server.deadlineStatus();
        if (!ex.expire(status)) {
            return;   // the handler answered first
        }
        if (!ctx.channel().isActive()) {
            server.finished(ex);   // the client left: only the interrupt and the count remain
            return;
        }
        Response res = ResponseWriter.errorBytes(status, "deadline of " + server.deadlineMillis()
                + " ms exceeded", server.mapper()).header(RequestIds.HEADER, ex.ctx.requestId());
        ChannelFuture f = ResponseWriter.write(ctx.channel(), res, ex, gate, 0);
        f.addListener((ChannelFutureListener) done -> finished(ex, done));
    }

    private void finished(Exchange ex, ChannelFuture done) {
        server.finished(ex);
        countInFlight(false);
        current = null;
        if (!done.isSuccess() || !ex.keepAlive() || (closing && queue.isEmpty())) {
            ctx.close();
        } else {
            startNext();
        }
    }

    /** Tells the loop whether this connection waits for a handler (on the loop's thread, once per change). */
    private void countInFlight(boolean waiting) {
        if (loopRequests != null && waiting != countedInFlight) {
            countedInFlight = waiting;
            if (waiting) {
                loopRequests.started();
            } else {
                loopRequests.finished();
            }
        }
    }

    private void reject(Rejected r) {
        closing = true;
        server.rejected(r.status(), r.message(), (InetSocketAddress) ctx.channel().remoteAddress());
        Response res = ResponseWriter.errorBytes(r.status(), r.message(), server.mapper());
        byte[] bytes = (byte[]) res.body();
        HttpResponse full = ResponseWriter.head(res, false, false, true, bytes);
        full.headers().set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        if (r.retryAfterSeconds() > 0) {
            full.headers().set(HttpHeaderNames.RETRY_AFTER, r.retryAfterSeconds());
        }
        // written below the compressor: it refuses a response to a request it never saw (a half-read one)
        ChannelHandlerContext compressor = ctx.pipeline().context(WebServer.COMPRESSOR);
        (compressor != null ? compressor : ctx).writeAndFlush(full)
                .addListener((ChannelFutureListener) this::lingerAndClose);
    }

    /**
     * Closes after an error answer to a request whose bytes may still be arriving (an oversized body, a broken
     * stream). Closing a socket with unread input makes the kernel reset the connection, which can destroy the
     * answer before the client reads it (a client that sends its whole body before reading sees nothing). So: end
     * our output, read and drop what still comes for up to {@link #LINGER_MILLIS}, and close at the client's end
     * of stream or then, whichever is first.
     */
    private void lingerAndClose(ChannelFuture written) {
        if (!written.isSuccess() || !(ctx.channel() instanceof SocketChannel socket) || !socket.isActive()) {
            ctx.close();
            return;
        }
        socket.shutdownOutput();
        reading.drain();   // a 408 or the body budget had paused reading
        ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * On the event loop: the handshake was accepted. The server switches the pipeline to WebSocket frames, the 101
     * goes out as bytes, this handler leaves, and the route's handler starts on a virtual thread of its own.
     */
    private void upgrade(Exchange ex, WsUpgrade up) {
        ChannelPipeline p = ctx.pipeline();
        if (!ctx.channel().isActive() || p.get(ServerCodec.class) == null) {
            server.finished(ex);   // gone, or an HTTP/2 stream (RFC 8441 is not spoken): nothing to switch
            ctx.close();
            return;
        }
        WebSocket ws = new WebSocket(ex.ctx, ctx.channel(), reading, gate, server.stallNanos());
        WsConnection socket = new WsConnection(ws, server);
        server.webSocket(p, up.options(), socket);
        ctx.channel().writeAndFlush(Unpooled.wrappedBuffer(up.switchingProtocols()));
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
            deadlineTimer = null;
        }
        server.finished(ex);
        countInFlight(false);
        current = null;
        server.closed(this);
        server.opened(socket);
        p.remove(this);
        reading.drain();
        try {
            handlers.execute(() -> runSocket(ws, up.handler()));
        } catch (RejectedExecutionException stopped) {
            ctx.close();
        }
    }

    /** On the socket's virtual thread: the route's handler, then a close that says how it ended. */
    private static void runSocket(WebSocket ws, WebSocketHandler handler) {
        try {
            handler.handle(ws);
            ws.close(1000, "");
        } catch (InterruptedException e) {
            ws.close(1001, "server stopping");
        } catch (java.io.IOException e) {
            // a send that raced the socket's end (the client left, or a protocol error closed it): nothing failed here
            System.Logger.Level level = ws.isOpen() ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
            LOG.log(level, "WebSocket handler ended by " + e.getMessage(), e);
            ws.close(1011, "internal error");
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "WebSocket handler failed", e);
            ws.close(1011, "internal error");
        }
    }

    /** Frees what a request that will not run holds: its buffers and its share of the body budget. */
    private void discard(Object msg) {
        if (msg instanceof FullRequest req) {
            server.bodyBudget().release(req.budgeted());
        } else if (msg instanceof StreamedRequest streamed) {
            streamed.body().close();
        }
        ReferenceCountUtil.release(msg);
    }

    private void dropQueue() {
        queue.forEach(this::discard);
        queue.clear();
    }
}
