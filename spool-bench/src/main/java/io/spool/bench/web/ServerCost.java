package io.spool.bench.web;

import io.spool.bench.ProcessUsage;

/**
 * What a server spent per request in one measured run: CPU time of its whole JVM, and how often its threads
 * blocked (voluntary switches) or were preempted (involuntary ones, mostly by the load generator's threads that
 * its writes woke). On 2 cores shared with the load generator, throughput follows the server's CPU per request,
 * and preemptions are the costliest part of it that does not show in its own code.
 */
record ServerCost(double cpuMicros, double voluntarySwitches, double involuntarySwitches) {
    static ServerCost of(ProcessUsage used, double requests) {
        if (requests <= 0) {
            return new ServerCost(0, 0, 0);
        }
        return new ServerCost(used.cpuSeconds() * 1e6 / requests, used.voluntarySwitches() / requests,
                used.involuntarySwitches() / requests);
    }
}
