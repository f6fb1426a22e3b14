package io.spool.web;

/**
 * What runs a WebSocket ({@link WebApp#ws}): straight-line code on a virtual thread of its own for the socket's
 * whole life. Opening is the call; {@code ws.receive()} blocks for the next message and returns null once the
 * client closed; sending blocks while the client is slow; an exception is an error (the socket is closed with
 * 1011 and the exception logged); returning closes the socket normally (1000).
 *
 * <pre>{@code app.ws("/echo", ws -> { for (WsMessage m; (m = ws.receive()) != null; ) ws.send(m.asText()); });}</pre>
 *
 * {@link #of(WsListener)} adapts callbacks to this, for code written that way.
 */
@FunctionalInterface
public interface WebSocketHandler {
    void handle(WebSocket ws) throws Exception;

    /** Runs a listener's callbacks, in order, on the socket's virtual thread. */
    static WebSocketHandler of(WsListener listener) {
        return ws -> {
            try {
                listener.onOpen(ws);
                for (WsMessage m = ws.receive(); m != null; m = ws.receive()) {
                    listener.onMessage(ws, m);
                }
                listener.onClose(ws, ws.closeCode(), ws.closeReason());
            } catch (Exception e) {
                listener.onError(ws, e);
                throw e;
            }
        };
    }

    /** The callback form of a WebSocket handler; every method has a default that does nothing. */
    interface WsListener {
        default void onOpen(WebSocket ws) throws Exception {
        }

        default void onMessage(WebSocket ws, WsMessage message) throws Exception {
        }

        default void onClose(WebSocket ws, int code, String reason) throws Exception {
        }

        default void onError(WebSocket ws, Throwable error) {
        }
    }
}
