package io.spool.embedded.junit;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How oversubscribed this machine's CPUs are, for tests that assert wall-clock bounds: the one-minute load average
 * per available processor, at least 1. A bound met on an idle machine (a restart within 10 s) is then checked as
 * {@link #scaled}: the same bound on an idle machine, proportionally more when other builds share the cores,
 * so the test fails for a slow program and not for a busy machine.
 */
public final class MachineLoad {
    private MachineLoad() {
    }

    /** The one-minute load average divided by the processors, at least 1 (1 when the OS does not say). */
    public static double factor() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? 1 : Math.max(1, load / Runtime.getRuntime().availableProcessors());
    }

    /** {@code idleBound} times {@link #factor()}. */
    public static Duration scaled(Duration idleBound) {
        return Duration.ofMillis((long) (idleBound.toMillis() * factor()));
    }
}
