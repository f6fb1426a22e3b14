package io.spool.bench.encode;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time per operation as JMH secondary results, averaged over iterations: {@code cpu.thread} is the benchmark
 * threads' own CPU (JMH's {@code jmh-worker} threads), {@code cpu.process} the whole JVM's (garbage collection and
 * JIT included). On a machine shared with other work, wall time per operation grows whenever a thread waits for a
 * core; CPU time does not. Operations are all those of the iteration, warm-down included, as the CPU window is.
 */
public final class CpuProfiler implements InternalProfiler {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long threadStart;
    private long processStart;

    @Override
    public String getDescription() {
        return "CPU time per operation: benchmark threads and whole process";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
        threadStart = workerCpuNanos();
        processStart = processCpuNanos();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmark, IterationParams iteration,
                                                 IterationResult result) {
        long ops = result.getMetadata().getAllOps();
        if (ops == 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.thread", (workerCpuNanos() - threadStart) / 1e6 / ops, "ms/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", (processCpuNanos() - processStart) / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
    }

    /** The CPU time of JMH's worker threads, which live across the iterations of one benchmark. */
    private static long workerCpuNanos() {
        long sum = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains("jmh-worker")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
