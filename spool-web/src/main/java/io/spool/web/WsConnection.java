package io.spool.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * A WebSocket connection on its event loop, after Netty's frame codec, UTF-8 check and aggregator: hands whole
 * messages to the {@link WebSocket}, answers pings, answers and ends on a close frame, pings a quiet client and
 * closes one that stays silent past the idle timeout, and closes with 1009 a message past the size limit.
 */
final class WsConnection extends ChannelInboundHandlerAdapter {
    private final WebSocket ws;
    private final WebServer server;
    private ChannelHandlerContext ctx;

    WsConnection(WebSocket ws, WebServer server) {
        this.ws = ws;
        this.server = server;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            switch (msg) {
                case TextWebSocketFrame text -> ws.deliver(new WsMessage(text.text(), null));
                case BinaryWebSocketFrame binary -> ws.deliver(new WsMessage(null,
                        io.netty.buffer.ByteBufUtil.getBytes(binary.content())));
                case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                case CloseWebSocketFrame close -> closed(ctx, close);
                default -> { }   // a pong: the client is alive, which the read itself showed
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** The client's close: answered with its code (RFC 6455 §5.5.1), then the connection ends. */
    private void closed(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        int code = close.statusCode() < 0 ? WebSocketCloseStatus.NORMAL_CLOSURE.code() : close.statusCode();
        if (code >= 5000) {   // Netty lets codes past 4999 through; RFC 6455 §7.4 defines none there
            code = WebSocketCloseStatus.PROTOCOL_ERROR.code();
        }
        boolean answer = !ws.closeSent();
        ws.closedByPeer(close.statusCode() < 0 ? 1005 : code, close.reasonText());
        if (answer) {
            ctx.writeAndFlush(new CloseWebSocketFrame(code, "")).addListener(f -> ctx.close());
        } else {
            ctx.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE) {
                closeWith(ctx, WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), "idle");
            } else if (idle.state() == IdleState.ALL_IDLE) {
                ctx.writeAndFlush(new PingWebSocketFrame());
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            closeWith(ctx, WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "message too big");
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            ws.markCloseSent();   // the decoder sent the close frame (1002, 1007, 1009) and closes after it
        } else {
            ctx.close();   // protocol violations were answered by the decoder; anything else ends the socket
        }
    }

    private void closeWith(ChannelHandlerContext ctx, int code, String reason) {
        if (!ws.closeSent()) {
            ws.markCloseSent();
            ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> ctx.close());
        } else {
            ctx.close();
        }
    }

    /**
     * When the server stops: tells the client it is going away (on the loop) and lets it answer, which ends the
     * connection; one that does not answer within 2 s is cut.
     */
    void goingAway() {
        ctx.executor().execute(() -> {
            if (!ws.closeSent() && ctx.channel().isActive()) {
                ws.markCloseSent();
                ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(),
                        "server stopping"));
                ctx.executor().schedule(() -> ctx.close(), 2, java.util.concurrent.TimeUnit.SECONDS);
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ws.end();
        server.closed(this);
        ctx.fireChannelInactive();
    }
}
