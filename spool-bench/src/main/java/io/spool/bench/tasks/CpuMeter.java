package io.spool.bench.tasks;

import io.spool.bench.ProcessUsage;
import java.lang.management.ManagementFactory;

/**
 * CPU time used by this JVM (plus a contender's own process, if it has one) and by a local PostgreSQL server (its postmaster and every process it forked), read
 * from {@code /proc}; the server part is 0 where that cannot be read (another OS, a remote server).
 */
final class CpuMeter {

    /** CPU seconds so far. */
    record Sample(double jvmSeconds, double serverSeconds) {
        Sample minus(Sample earlier) {
            return new Sample(jvmSeconds - earlier.jvmSeconds, serverSeconds - earlier.serverSeconds);
        }
    }

    private final long postmasterPid;

    /** @param postmasterPid the server's postmaster, or 0 if unknown */
    CpuMeter(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    Sample sample() {
        return sample(0);
    }

    /** The sample, with the CPU time of process {@code clientPid} (a contender's Node process; 0: none) added to
     * the JVM's. */
    Sample sample(long clientPid) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double client = clientPid == 0 ? 0 : ProcessUsage.of(clientPid).cpuSeconds();
        return new Sample(os.getProcessCpuTime() / 1e9 + client,
                postmasterPid == 0 ? 0 : ProcessUsage.treeCpuSeconds(postmasterPid));
    }
}
