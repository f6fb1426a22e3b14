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
 * still counted (once, in its parent). A server that forks workers or runs helpers is measured whole. Also the
 * tree's involuntary context switches, which tell how often PostgreSQL's backends were preempted. Where {@code
 * /proc} cannot be read, 0.
 */
public final class ProcessTree {
    private ProcessTree() {}

    /** CPU seconds so far of {@code root} and its descendants (0 when {@code root} is gone). */
    public static double cpuSeconds(long root) {
        Map<Long, long[]> stats = stats();
        long sum = 0;
        for (long pid : tree(root, stats)) {
            sum += stats.get(pid)[1];
        }
        return sum / ProcessUsage.TICKS_PER_SECOND;
    }

    /**
     * Involuntary context switches so far of the live processes of {@code root}'s tree (see {@link ProcessUsage}):
     * how often the kernel took the CPU from one of them while it could still run (0 when {@code root} is gone).
     */
    public static long involuntarySwitches(long root) {
        long sum = 0;
        for (long pid : tree(root, stats())) {
            sum += ProcessUsage.of(pid).involuntarySwitches();
        }
        return sum;
    }

    /** Each live process's parent pid and {@link #parse ticks}, by pid; empty where {@code /proc} cannot be read. */
    private static Map<Long, long[]> stats() {
        Map<Long, long[]> stats = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    stats.put(Long.parseLong(name), parse(Files.readString(p.resolve("stat"))));
                } catch (IOException gone) {
                    // ended while listed
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return stats;
    }

    /** {@code root} and its descendants among {@code stats}' processes (none when {@code root} is not there). */
    private static List<Long> tree(long root, Map<Long, long[]> stats) {
        Map<Long, List<Long>> children = new HashMap<>();
        stats.forEach((pid, stat) -> children.computeIfAbsent(stat[0], k -> new ArrayList<>()).add(pid));
        List<Long> tree = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>(stats.containsKey(root) ? List.of(root) : List.of());
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            tree.add(pid);
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        return tree;
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
