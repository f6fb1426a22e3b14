package io.spool.memes.http;

/**
 * A snapshot of the {@link RenderPool}: its threads and how many are busy, the queue's length and capacity,
 * counts since start of renders completed, failed (bad input included), rejected (503: expected wait past the
 * budget, or the queue full), cancelled by their request's deadline, and interrupted while running; and the
 * admission's figures: the measured mean render time, the expected time a render admitted now would take to
 * finish, and the budget it must fit (a share of the request timeout), in milliseconds.
 */
public record RenderPoolStats(int threads, int active, int queued, int queueCapacity, long completed, long failed,
                              long rejected, long cancelled, long interrupted, double meanRenderMillis,
                              double expectedDoneMillis, long budgetMillis) {
}
