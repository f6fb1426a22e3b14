package io.spool.bench.tasks;

/**
 * One contender's round: {@code tasks} spawned, how many ran at least once and how many runs were extra, how
 * many the system recorded as completed, the seconds from the first spawn until all were recorded (or until the
 * round gave up), and the pickup latency percentiles in microseconds. {@code error} is what broke the round, if
 * anything did. {@code cpu} is the CPU time the JVM and the database server used meanwhile.
 */
record RoundResult(int tasks, long ran, long duplicates, long recorded, double seconds, long p50Micros,
                   long p99Micros, String error, CpuMeter.Sample cpu) {

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

    /** CPU milliseconds per 1,000 tasks: the JVM's (contender, producer and bench) and the database server's. */
    double jvmCpuMsPerThousand() {
        return cpu.jvmSeconds() * 1e6 / tasks;
    }

    double serverCpuMsPerThousand() {
        return cpu.serverSeconds() * 1e6 / tasks;
    }
}
