package io.spool.pg.protocol;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;

/**
 * The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL uses it: the user name travels in the
 * startup message, so the SCRAM user is empty. With channel-binding data (tls-server-end-point) it runs as
 * SCRAM-SHA-256-PLUS. The nonce comes from {@link SecureRandom}; nothing here does I/O.
 */
final class ScramSha256 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String password;
    private final String gs2Header;
    private final byte[] channelBinding;
    private final String clientNonce;
    private final String scramUser;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    /** {@code channelBinding} null: no binding ("n,,"); {@code serverSupportsPlus} picks "y,," then. */
    ScramSha256(String password, byte[] channelBinding, boolean serverSupportsPlus) {
        this(password, channelBinding, serverSupportsPlus, "", randomNonce());
    }

    /** With a fixed user and nonce, to check the exchange against the RFC's test vectors. */
    ScramSha256(String password, byte[] channelBinding, boolean serverSupportsPlus, String scramUser, String nonce) {
        this.password = password;
        this.scramUser = scramUser;
        this.clientNonce = nonce;
        this.channelBinding = channelBinding;
        if (channelBinding != null) {
            gs2Header = "p=tls-server-end-point,,";
        } else {
            gs2Header = serverSupportsPlus ? "y,," : "n,,";
        }
    }

    private static String randomNonce() {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    String mechanism() {
        return channelBinding != null ? "SCRAM-SHA-256-PLUS" : "SCRAM-SHA-256";
    }

    byte[] clientFirstMessage() {
        clientFirstBare = "n=" + scramUser + ",r=" + clientNonce;
        return (gs2Header + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    byte[] clientFinalMessage(String serverFirst) {
        String nonce = null;
        String salt = null;
        int iterations = -1;
        for (String attribute : serverFirst.split(",")) {
            if (attribute.startsWith("r=")) {
                nonce = attribute.substring(2);
            } else if (attribute.startsWith("s=")) {
                salt = attribute.substring(2);
            } else if (attribute.startsWith("i=")) {
                try {
                    iterations = Integer.parseInt(attribute.substring(2));
                } catch (NumberFormatException e) {
                    iterations = -1;
                }
            }
        }
        if (nonce == null || salt == null || iterations < 1 || iterations > 10_000_000) {
            throw authError("malformed SCRAM server-first-message");
        }
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw authError("SCRAM server nonce does not extend the client nonce");
        }
        byte[] saltBytes;
        try {
            saltBytes = Base64.getDecoder().decode(salt);
        } catch (IllegalArgumentException e) {
            throw authError("SCRAM salt is not base64");
        }
        byte[] cbind = concat(gs2Header.getBytes(StandardCharsets.US_ASCII),
                channelBinding == null ? new byte[0] : channelBinding);
        String finalWithoutProof = "c=" + Base64.getEncoder().encodeToString(cbind) + ",r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + finalWithoutProof;

        byte[] saltedPassword = hi(normalize(password).getBytes(StandardCharsets.UTF_8), saltBytes, iterations);
        byte[] clientKey = hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = sha256(clientKey);
        byte[] clientSignature = hmac(storedKey, authMessage.getBytes(StandardCharsets.UTF_8));
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        byte[] serverKey = hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.US_ASCII));
        expectedServerSignature = hmac(serverKey, authMessage.getBytes(StandardCharsets.UTF_8));
        return (finalWithoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
    }

    void verifyServerFinal(String serverFinal) {
        if (serverFinal.startsWith("e=")) {
            throw authError("SCRAM authentication failed: " + serverFinal.substring(2));
        }
        if (!serverFinal.startsWith("v=") || expectedServerSignature == null) {
            throw authError("malformed SCRAM server-final-message");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(serverFinal.substring(2).split(",", 2)[0]);
        } catch (IllegalArgumentException e) {
            throw authError("SCRAM server signature is not base64");
        }
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw authError("the server's SCRAM signature is wrong: it does not know the password (possible impersonation)");
        }
    }

    /** SASLprep as PostgreSQL applies it, approximated by NFKC; ASCII passwords pass unchanged. */
    private static String normalize(String password) {
        for (int i = 0; i < password.length(); i++) {
            if (password.charAt(i) >= 0x80) {
                return Normalizer.normalize(password, Normalizer.Form.NFKC);
            }
        }
        return password;
    }

    private static byte[] hi(byte[] password, byte[] salt, int iterations) {
        byte[] u = hmac(password, concat(salt, new byte[] {0, 0, 0, 1}));
        byte[] result = u.clone();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password, "HmacSHA256"));
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
        return result;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static AuthenticationException authError(String message) {
        return new AuthenticationException(message);
    }
}
