package io.spool.bench.stack;

/**
 * What one measured run cost per request: CPU microseconds of the contender's whole JVM and of the PostgreSQL
 * server (postmaster and backends; 0 for a server not started by the bench), and how often the kernel preempted
 * a PostgreSQL process. On 2 shared cores throughput follows the CPU sum, and a stack that sends the database
 * more messages per request pays on the database's side. The preemptions tell the runs apart: under load the
 * backends never wait for work, and the same server on the same load ran at 2 preemptions a request and at 12,
 * the latter about a third slower (issue 28).
 */
record StackCost(double serverMicros, double databaseMicros, double databasePreemptions) {
    static StackCost of(double serverSeconds, double databaseSeconds, long databasePreemptions, double requests) {
        if (requests <= 0) {
            return new StackCost(0, 0, 0);
        }
        return new StackCost(serverSeconds * 1e6 / requests, databaseSeconds * 1e6 / requests,
                databasePreemptions / requests);
    }
}
