package io.spool.bench.stack;

/**
 * What one measured run cost per request, in CPU microseconds: the contender's whole JVM, and the PostgreSQL
 * server (postmaster and backends; 0 for a server not started by the bench). On 2 shared cores throughput follows
 * the sum, and a stack that sends the database more messages per request pays on the database's side.
 */
record StackCost(double serverMicros, double databaseMicros) {
    static StackCost of(double serverSeconds, double databaseSeconds, double requests) {
        if (requests <= 0) {
            return new StackCost(0, 0);
        }
        return new StackCost(serverSeconds * 1e6 / requests, databaseSeconds * 1e6 / requests);
    }
}
