package io.spool.memes.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A job's public id: its task id and a random 128-bit token, written {@code <taskId>-<token>}. Task ids count up,
 * so alone they would let anyone walk through everybody's images; the token, stored with the task and compared in
 * constant time, makes an id something only its submitter knows.
 */
record JobId(long taskId, String token) {
    static final String HEADER = "job-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The id in {@code text}, or empty when it is not one (never an exception: ids come from URLs). */
    static Optional<JobId> parse(String text) {
        int dash = text.indexOf('-');
        if (dash < 1 || dash == text.length() - 1 || dash > 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JobId(Long.parseLong(text, 0, dash, 10), text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code stored}, the token kept with the task, is this id's token. */
    boolean matches(String stored) {
        return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return taskId + "-" + token;
    }
}
