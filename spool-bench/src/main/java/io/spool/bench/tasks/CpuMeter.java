package io.spool.bench.tasks;

import io.spool.bench.ProcessUsage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /** The postmaster's pid from {@code postmaster.pid} in the data directory, or 0. */
    static long postmasterPid(String dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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
                postmasterPid == 0 ? 0 : serverTicks() / ProcessUsage.TICKS_PER_SECOND);
    }

    private long serverTicks() {
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] stat = stat(p.resolve("stat"));
                if (stat != null && (Long.parseLong(name) == postmasterPid || stat[0] == postmasterPid)) {
                    ticks += stat[1];
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /** The parent pid and utime + stime of a {@code /proc/PID/stat}, or null when it is gone. */
    static long[] stat(Path file) {
        String s;
        try {
            s = Files.readString(file);
        } catch (IOException e) {
            return null;
        }
        return ProcessUsage.parseStat(s);
    }
}
