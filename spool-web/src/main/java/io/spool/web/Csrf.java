package io.spool.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The before-filter of {@link WebApp#csrf()}: a request that could change state (POST, PUT, PATCH, DELETE) and
 * rides on a session cookie must prove it comes from this site's own page by carrying the session's token, as
 * form field {@code _csrf} or header {@code X-CSRF-Token} ({@link Context#csrfToken()} gives it to the page).
 * A request without a session cookie has no ambient authority to abuse and passes.
 */
final class Csrf implements BeforeFilter {
    static final String SESSION_KEY = "_csrf";
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final SecureRandom RANDOM = new SecureRandom();

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Object before(Context ctx) {
        SessionStore store = ctx.sessionStore();
        if (SAFE.contains(ctx.method().toUpperCase(Locale.ROOT)) || store == null
                || ctx.cookie(store.cookieName()) == null) {
            return null;
        }
        String expected = ctx.session().get(SESSION_KEY);
        String given = ctx.header(HEADER);
        if (given == null) {
            given = ctx.formParam(FIELD);
        }
        if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpError(403, "missing or wrong CSRF token (form field _csrf or header X-CSRF-Token)");
        }
        return null;
    }
}
