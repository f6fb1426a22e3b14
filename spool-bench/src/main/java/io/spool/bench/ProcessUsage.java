package io.spool.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What one process has used so far, summed over its threads and read from {@code /proc} (Linux): CPU time, and
 * context switches, voluntary (a thread blocked) and involuntary (the kernel took the CPU from a runnable
 * thread, usually for a thread it had just woken). Where {@code /proc} cannot be read, every figure is 0.
 */
public record ProcessUsage(double cpuSeconds, long voluntarySwitches, long involuntarySwitches) {
    /** The unit of CPU times in {@code /proc/PID/stat}: USER_HZ, 100 on Linux. */
    public static final double TICKS_PER_SECOND = 100;
    public static final ProcessUsage NONE = new ProcessUsage(0, 0, 0);

    public static ProcessUsage of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            long[] stat = parseStat(Files.readString(proc.resolve("stat")));
            long voluntary = 0;
            long involuntary = 0;
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    long[] switches;
                    try {
                        switches = parseSwitches(Files.readString(task.resolve("status")));
                    } catch (IOException threadEnded) {
                        continue;
                    }
                    voluntary += switches[0];
                    involuntary += switches[1];
                }
            }
            return new ProcessUsage(stat[1] / TICKS_PER_SECOND, voluntary, involuntary);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /**
     * CPU seconds of process {@code root} and of every process it started (a PostgreSQL postmaster and its
     * backends); 0 where {@code /proc} cannot be read. A child that exits between two readings takes its time with it.
     */
    public static double treeCpuSeconds(long root) {
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] stat;
                try {
                    stat = parseStat(Files.readString(p.resolve("stat")));
                } catch (IOException gone) {
                    continue;
                }
                if (Long.parseLong(name) == root || stat[0] == root) {
                    ticks += stat[1];
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / TICKS_PER_SECOND;
    }

    public ProcessUsage minus(ProcessUsage earlier) {
        return new ProcessUsage(cpuSeconds - earlier.cpuSeconds, voluntarySwitches - earlier.voluntarySwitches,
                involuntarySwitches - earlier.involuntarySwitches);
    }

    /** The parent pid and utime + stime (in ticks) of a {@code /proc/PID/stat}. */
    public static long[] parseStat(String s) {
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");  // fields from the 3rd on: state, ppid, ...
        return new long[]{Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
    }

    /** The voluntary and involuntary context switches of a {@code /proc/PID/task/TID/status}. */
    static long[] parseSwitches(String status) {
        long[] switches = new long[2];
        for (String line : status.split("\n")) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                switches[0] = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                switches[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return switches;
    }
}
