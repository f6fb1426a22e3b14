package io.spool.memes.http;

/**
 * A snapshot of the {@link RenderPool}: its threads and how many are busy, the queue's length and capacity, and
 * counts since start of renders completed, failed (bad input included), rejected for a full queue, cancelled by
 * their request's deadline, and interrupted while running.
 */
public record RenderPoolStats(int threads, int active, int queued, int queueCapacity, long completed, long failed,
                              long rejected, long cancelled, long interrupted) {
}
