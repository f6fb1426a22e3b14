package io.spool.bench.tasks;

/**
 * One contender's round: {@code tasks} spawned, how many ran at least once and how many runs were extra, how
 * many the system recorded as completed, the seconds from the first spawn until all were recorded (or until the
 * round gave up), and the pickup latency percentiles in microseconds. {@code error} is what broke the round, if
 * anything did.
 */
record RoundResult(int tasks, long ran, long duplicates, long recorded, double seconds, long p50Micros,
                   long p99Micros, String error) {

    /** Every task ran and was recorded, and nothing failed. */
    boolean complete() {
        return error == null && ran == tasks && recorded >= tasks;
    }

    /** Tasks that never ran. */
    long lost() {
        return tasks - ran;
    }

    /** End-to-end throughput: tasks over the seconds from the first spawn to the last recorded completion. */
    double tasksPerSecond() {
        return tasks / seconds;
    }
}
