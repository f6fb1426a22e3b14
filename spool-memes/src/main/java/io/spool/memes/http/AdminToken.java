package io.spool.memes.http;

import io.spool.memes.model.ServiceException;
import io.spool.web.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The guard of the write endpoints: {@code Authorization: Bearer <token>} must carry the token the service was
 * started with ({@code --admin-token} or {@code SPOOL_MEMES_ADMIN_TOKEN}), compared in constant time. Without a
 * configured token the endpoints are off: 403 saying how to turn them on. A missing or wrong token is a 401.
 */
final class AdminToken {
    static final String HOW_TO_ENABLE = "template uploads are off on this server: start it with --admin-token TOKEN "
            + "(or the environment variable SPOOL_MEMES_ADMIN_TOKEN) and send Authorization: Bearer TOKEN";

    private final byte[] token;

    AdminToken(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    boolean enabled() {
        return token != null;
    }

    /** Throws the 403 or 401 this request deserves, or returns when it carries the token. */
    void check(Context ctx) {
        if (token == null) {
            throw new ServiceException(403, HOW_TO_ENABLE);
        }
        String given = ctx.bearerToken();
        if (given == null) {
            throw new ServiceException(401, "this endpoint needs Authorization: Bearer <the server's admin token>");
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) {
            throw new ServiceException(401, "wrong admin token");
        }
    }
}
