package io.spool.tasks;

import java.time.Duration;

/**
 * How long a failed task waits before its next attempt: {@code base} doubled for each attempt made, capped at
 * {@code max}, then shortened by a random part of up to {@code jitter} (0..1) of itself so that tasks that failed
 * together do not all retry together. The delay after attempt n is
 * {@code min(max, base * 2^(n-1)) * (1 - jitter * random())}, computed by the database when the run fails.
 */
public record RetryBackoff(Duration base, Duration max, double jitter) {

    public RetryBackoff {
        if (base == null || base.isNegative()) {
            throw new IllegalArgumentException("backoff base must be zero or positive, got " + base);
        }
        if (max == null || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff max must be at least the base (" + base + "), got " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("backoff jitter must be within 0..1, got " + jitter);
        }
    }

    /** 1 s doubling up to 1 h, with 20 % jitter. */
    public static RetryBackoff defaults() {
        return new RetryBackoff(Duration.ofSeconds(1), Duration.ofHours(1), 0.2);
    }

    /** Exponential from {@code base} up to {@code max}, with 20 % jitter. */
    public static RetryBackoff exponential(Duration base, Duration max) {
        return new RetryBackoff(base, max, 0.2);
    }

    /** The same delay every time, without jitter. */
    public static RetryBackoff fixed(Duration delay) {
        return new RetryBackoff(delay, delay, 0);
    }

    public RetryBackoff withJitter(double jitter) {
        return new RetryBackoff(base, max, jitter);
    }
}
