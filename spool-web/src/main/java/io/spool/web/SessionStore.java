package io.spool.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where {@link Session}s live: in the client's cookie, either signed (HMAC-SHA256: readable by the client, not
 * changeable) or encrypted (AES-256-GCM: neither). Keys rotate: the first secret seals new cookies, and every
 * secret given opens them, so a new secret can be put first while cookies sealed by the old one stay valid until
 * it is dropped. Each cookie carries its expiry inside what is sealed, so an old cookie a client keeps is refused
 * after {@link #maxAge} whatever the client does. A cookie that fails to open is treated as no session.
 */
public final class SessionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final String EXPIRES = "_exp";
    private static final int NONCE = 12;

    private final boolean encrypted;
    private final List<byte[]> keys;
    private final String cookieName;
    private final Duration maxAge;
    private final boolean secure;
    private final Cookie.SameSite sameSite;

    private SessionStore(boolean encrypted, List<byte[]> keys, String cookieName, Duration maxAge, boolean secure,
                         Cookie.SameSite sameSite) {
        this.encrypted = encrypted;
        this.keys = keys;
        this.cookieName = cookieName;
        this.maxAge = maxAge;
        this.secure = secure;
        this.sameSite = sameSite;
    }

    /** Signed sessions; {@code secrets} (each at least 32 characters) newest first. */
    public static SessionStore signed(String... secrets) {
        return new SessionStore(false, keys("spool-web session signing", secrets), "spool-session",
                Duration.ofDays(7), false, Cookie.SameSite.LAX);
    }

    /** Encrypted sessions; {@code secrets} (each at least 32 characters) newest first. */
    public static SessionStore encrypted(String... secrets) {
        return new SessionStore(true, keys("spool-web session encryption", secrets), "spool-session",
                Duration.ofDays(7), false, Cookie.SameSite.LAX);
    }

    public SessionStore cookieName(String name) {
        return new SessionStore(encrypted, keys, name, maxAge, secure, sameSite);
    }

    /** How long a session lasts after its last change (default 7 days). */
    public SessionStore maxAge(Duration d) {
        return new SessionStore(encrypted, keys, cookieName, d, secure, sameSite);
    }

    /** Marks the cookie Secure (HTTPS only): on wherever the site is served over TLS. */
    public SessionStore secure(boolean on) {
        return new SessionStore(encrypted, keys, cookieName, maxAge, on, sameSite);
    }

    public SessionStore sameSite(Cookie.SameSite s) {
        return new SessionStore(encrypted, keys, cookieName, maxAge, secure, s);
    }

    String cookieName() {
        return cookieName;
    }

    /** A key per secret, derived for one purpose, so one secret never signs and encrypts with the same key. */
    private static List<byte[]> keys(String purpose, String... secrets) {
        if (secrets.length == 0) {
            throw new IllegalArgumentException("sessions need at least one secret");
        }
        List<byte[]> keys = new ArrayList<>();
        for (String secret : secrets) {
            if (secret == null || secret.length() < 32) {
                throw new IllegalArgumentException("a session secret needs at least 32 characters");
            }
            keys.add(hmac(secret.getBytes(StandardCharsets.UTF_8), purpose.getBytes(StandardCharsets.UTF_8)));
        }
        return List.copyOf(keys);
    }

    /** The session a cookie holds, or a new empty one when there is none or it does not open. */
    Session read(String cookie) {
        if (cookie == null || cookie.isEmpty()) {
            return new Session(Map.of());
        }
        try {
            byte[] json = encrypted ? decrypt(cookie) : verify(cookie);
            if (json != null) {
                Map<String, String> values = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
                String expires = values.remove(EXPIRES);
                if (expires != null && Long.parseLong(expires) > System.currentTimeMillis() / 1000) {
                    return new Session(values);
                }
            }
        } catch (Exception tamperedOrOld) {
            // a cookie that does not open is no session
        }
        return new Session(Map.of());
    }

    /** The cookie that carries {@code session} back to the client. */
    Cookie write(Session session) {
        if (session.invalidated() || session.isEmpty()) {
            return Cookie.remove(cookieName).secure(secure).sameSite(sameSite);
        }
        Map<String, String> values = new LinkedHashMap<>(session.values());
        values.put(EXPIRES, Long.toString(System.currentTimeMillis() / 1000 + maxAge.toSeconds()));
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(values);
        } catch (Exception e) {
            throw new IllegalStateException(e);   // a map of strings always serialises
        }
        String value = encrypted ? encrypt(json) : sign(json);
        return Cookie.of(cookieName, value).maxAge(maxAge).secure(secure).sameSite(sameSite);
    }

    private String sign(byte[] json) {
        String payload = B64.encodeToString(json);
        return payload + "." + B64.encodeToString(hmac(keys.getFirst(), payload.getBytes(StandardCharsets.US_ASCII)));
    }

    private byte[] verify(String cookie) {
        int dot = cookie.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        byte[] payload = cookie.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        byte[] mac = UNB64.decode(cookie.substring(dot + 1));
        for (byte[] key : keys) {
            if (MessageDigest.isEqual(mac, hmac(key, payload))) {   // constant time
                return UNB64.decode(payload);
            }
        }
        return null;
    }

    private String encrypt(byte[] json) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keys.getFirst(), nonce).doFinal(json);
            return B64.encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] decrypt(String cookie) {
        byte[] all = UNB64.decode(cookie);
        if (all.length <= NONCE) {
            return null;
        }
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE);
        for (byte[] key : keys) {
            try {
                return cipher(Cipher.DECRYPT_MODE, key, nonce).doFinal(all, NONCE, all.length - NONCE);
            } catch (GeneralSecurityException wrongKeyOrTampered) {
                // try the next key
            }
        }
        return null;
    }

    private Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(cookieName.getBytes(StandardCharsets.US_ASCII));   // a sealed value is only good under its name
        return c;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
