package io.spool.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class ProcessUsageTest {
    @Test
    void readsSwitchesFromAThreadsStatus() {
        String status = "Name:\tjava\nState:\tS (sleeping)\nvoluntary_ctxt_switches:\t1234\n"
                + "nonvoluntary_ctxt_switches:\t56\n";
        assertThat(ProcessUsage.parseSwitches(status)).containsExactly(1234L, 56L);
    }

    @Test
    void countsTheCpuOfAnEmbeddedPostgresAndItsBackends() {
        assumeThat(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))).isTrue();
        assumeThat(System.getenv("SPOOL_BENCH_DATABASE_URL")).isNull();
        try (BenchDatabase db = BenchDatabase.open()) {
            long postmaster = db.postmasterPid();
            assertThat(postmaster).isPositive();
            double before = ProcessTree.cpuSeconds(postmaster);
            try (io.spool.pg.PgConnection c = io.spool.pg.PgConnection.connect(db.url())) {
                // about a second of a backend's CPU: a child of the postmaster, so counted in its tree
                c.query("SELECT count(*) FROM generate_series(1, 20000000)");
                // read while the backend lives: an ended process's time leaves the tree with it
                assertThat(ProcessTree.cpuSeconds(postmaster) - before).isGreaterThan(0.2);
            }
        }
        assertThat(ProcessTree.cpuSeconds(Long.MAX_VALUE)).isZero();
    }

    @Test
    void measuresThisJvmsCpuAndItsThreadsBlocking() throws Exception {
        assumeThat(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))).isTrue();
        long pid = ProcessHandle.current().pid();
        ProcessUsage before = ProcessUsage.of(pid);
        // 0.3 s of CPU on this thread, counted by the thread's own clock: on a busy machine wall time is not CPU time
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long spin = threads.getCurrentThreadCpuTime() + 300_000_000L;
        long giveUp = System.nanoTime() + 30_000_000_000L;
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() < spin && System.nanoTime() < giveUp) {
            sink += System.nanoTime() % 7;
        }
        for (int i = 0; i < 20; i++) {
            Thread.sleep(2);   // each sleep blocks: a voluntary switch
        }
        ProcessUsage used = ProcessUsage.of(pid).minus(before);
        assertThat(sink).isNotNegative();
        assertThat(used.cpuSeconds()).isGreaterThanOrEqualTo(0.2);
        assertThat(used.voluntarySwitches()).isGreaterThanOrEqualTo(20);
        assertThat(used.involuntarySwitches()).isNotNegative();
    }

    @Test
    void aProcessThatIsGoneUsesNothing() {
        assertThat(ProcessUsage.of(Long.MAX_VALUE)).isEqualTo(ProcessUsage.NONE);
    }
}
