package io.spool.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class ProcessTreeTest {
    @Test
    void parsesOwnAndReapedTicks() {
        // utime 70, stime 30, cutime 5, cstime 7; a command with spaces and parentheses must not shift the fields
        String stat = "4242 (postgres: w (x)) S 4100 4100 4100 0 -1 4194560 1234 0 0 0 70 30 5 7 20 0 1 0 99 1 2 3";
        assertThat(ProcessTree.parse(stat)).containsExactly(4100L, 112L);
        assertThat(ProcessUsage.parseStat(stat)).as("own ticks only").containsExactly(4100L, 100L);
    }

    @Test
    void countsDescendantsAliveAndEnded() throws Exception {
        assumeThat(Files.isDirectory(Path.of("/proc/self"))).isTrue();
        // a shell whose child spins about half a second of CPU and ends (reaped by the shell), then the shell waits
        Process shell = new ProcessBuilder("/bin/sh", "-c",
                "(i=0; while [ $i -lt 800000 ]; do i=$((i+1)); done); echo spun; sleep 30").start();
        try {
            assertThat(shell.inputReader().readLine()).isEqualTo("spun");
            assertThat(ProcessTree.cpuSeconds(shell.pid())).isGreaterThanOrEqualTo(0.2);
            assertThat(ProcessTree.cpuSeconds(ProcessHandle.current().pid()))
                    .as("this JVM's tree holds the shell").isGreaterThan(ProcessTree.cpuSeconds(shell.pid()));
        } finally {
            shell.destroy();
            shell.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(ProcessTree.cpuSeconds(Long.MAX_VALUE)).isZero();
    }

    @Test
    void countsTheTreesInvoluntarySwitchesWhenItsProcessesOutnumberTheCores() throws Exception {
        assumeThat(Files.isDirectory(Path.of("/proc/self"))).isTrue();
        int spinners = Runtime.getRuntime().availableProcessors() + 1;
        // more spinning children than cores: the kernel must take the CPU from runnable ones; they stay alive after
        Process shell = new ProcessBuilder("/bin/sh", "-c", "for n in $(seq " + spinners + "); do"
                + " (i=0; while [ $i -lt 800000 ]; do i=$((i+1)); done; echo spun; sleep 30) & done; wait").start();
        try {
            for (int i = 0; i < spinners; i++) {
                assertThat(shell.inputReader().readLine()).isEqualTo("spun");
            }
            assertThat(ProcessTree.involuntarySwitches(shell.pid())).isPositive();
        } finally {
            shell.descendants().forEach(ProcessHandle::destroy);
            shell.destroy();
            shell.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(ProcessTree.involuntarySwitches(Long.MAX_VALUE)).isZero();
    }

    @Test
    void reapedChildrenOfThisJvmGrowWhenAChildEnds() throws Exception {
        assumeThat(Files.isDirectory(Path.of("/proc/self"))).isTrue();
        long self = ProcessHandle.current().pid();
        double before = ProcessTree.reapedChildrenSeconds(self);
        Process spin = new ProcessBuilder("/bin/sh", "-c", "i=0; while [ $i -lt 800000 ]; do i=$((i+1)); done").start();
        assertThat(spin.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessTree.reapedChildrenSeconds(self) - before < 0.2 && System.nanoTime() < giveUp) {
            Thread.sleep(20);   // the JDK's reaper thread waits for the child a moment after it exits
        }
        assertThat(ProcessTree.reapedChildrenSeconds(self) - before).isGreaterThanOrEqualTo(0.2);
    }
}
