package io.spool.tasks;

/**
 * A run's end on its way to the database: completed with a result, or failed with an error (retried with the
 * task's backoff while attempts are left, or not at all).
 */
record Finish(RunContext ctx, boolean ok, byte[] result, String error, boolean retry) {
    static Finish complete(RunContext ctx, byte[] result) {
        return new Finish(ctx, true, result, null, false);
    }

    static Finish fail(RunContext ctx, String error, boolean retry) {
        return new Finish(ctx, false, null, error, retry);
    }

    int resultBytes() {
        return result == null ? 0 : result.length;
    }
}
