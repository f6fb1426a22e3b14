package io.spool.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The answer of a WebSocket route to a valid opening handshake (RFC 6455 §4.2): the connection switches to
 * WebSocket frames and {@code handler} runs. {@link #check} refuses what is not one: a request that is not an
 * HTTP/1.1 GET with {@code Upgrade: websocket}, {@code Connection: upgrade} and a 16-byte key (400), another
 * version than 13 (426), or an Origin the route does not allow (403; by default the Host's own origin, or
 * none, as non-browser clients send).
 */
record WsUpgrade(String accept, WebSocketHandler handler, WsOptions options) {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    static Response check(Context ctx, WebSocketHandler handler, WsOptions options) {
        String upgrade = ctx.header("Upgrade");
        String connection = ctx.header("Connection");
        if (!ctx.method().equals("GET") || upgrade == null || !upgrade.equalsIgnoreCase("websocket")
                || connection == null || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
            throw new HttpError(400, "a WebSocket opens with GET, Upgrade: websocket and Connection: Upgrade");
        }
        if (!"13".equals(ctx.header("Sec-WebSocket-Version"))) {
            return Response.error(426, "only WebSocket version 13 is spoken").header("Sec-WebSocket-Version", "13");
        }
        String key = ctx.header("Sec-WebSocket-Key");
        if (key == null || !decodesTo16Bytes(key.trim())) {
            throw new HttpError(400, "Sec-WebSocket-Key must be 16 bytes in base64");
        }
        if (!originAllowed(ctx.header("Origin"), ctx.header("Host"), options.origins())) {
            throw new HttpError(403, "origin not allowed");
        }
        return Response.status(101).body(new WsUpgrade(accept(key.trim()), handler, options));
    }

    private static boolean decodesTo16Bytes(String key) {
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean originAllowed(String origin, String host, Set<String> allowed) {
        if (origin == null) {
            return true;
        }
        if (!allowed.isEmpty()) {
            return allowed.contains(origin) || allowed.contains("*");
        }
        try {
            URI u = URI.create(origin);
            String authority = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 101 answer, written as bytes once the HTTP codec has left the pipeline. */
    byte[] switchingProtocols() {
        return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
