package io.spool.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of a process and every process it started, read from {@code /proc} (Linux): for each live process of
 * the tree its own user and system time plus that of the children it has reaped, so a worker that has ended is
 * still counted (once, in its parent). A server that forks workers or runs helpers is measured whole. Where
 * {@code /proc} cannot be read, 0.
 */
public final class ProcessTree {
    private ProcessTree() {}

    /** CPU seconds so far of {@code root} and its descendants (0 when {@code root} is gone). */
    public static double cpuSeconds(long root) {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] stat;
                try {
                    stat = parse(Files.readString(p.resolve("stat")));
                } catch (IOException gone) {
                    continue;
                }
                long pid = Long.parseLong(name);
                ticks.put(pid, stat[1]);
                children.computeIfAbsent(stat[0], k -> new ArrayList<>()).add(pid);
            }
        } catch (IOException e) {
            return 0;
        }
        long sum = 0;
        Deque<Long> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            sum += ticks.getOrDefault(pid, 0L);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return sum / ProcessUsage.TICKS_PER_SECOND;
    }

    /** CPU seconds of the children {@code pid} has reaped (what they used, summed when they ended). */
    public static double reapedChildrenSeconds(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return (parse(s)[1] - ProcessUsage.parseStat(s)[1]) / ProcessUsage.TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The parent pid and utime + stime + cutime + cstime (ticks) of a {@code /proc/PID/stat}. */
    static long[] parse(String stat) {
        String[] f = ProcessUsage.statFields(stat);
        return new long[]{Long.parseLong(f[1]),
                Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])};
    }
}
