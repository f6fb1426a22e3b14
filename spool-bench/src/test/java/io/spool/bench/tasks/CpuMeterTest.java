package io.spool.bench.tasks;

import io.spool.bench.ProcessUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTest {
    @Test
    void readsParentAndCpuTicksFromProcStat() {
        // a command name with spaces and parentheses must not shift the fields
        String stat = "4242 (postgres: w (x)) S 4100 4100 4100 0 -1 4194560 1234 0 0 0 70 30 0 0 20 0 1 0 99 1 2 3";
        assertThat(ProcessUsage.parseStat(stat)).containsExactly(4100L, 100L);
    }

    @Test
    void measuresThisJvmAndNothingForAnUnknownServer() {
        CpuMeter.Sample s = new CpuMeter(0).sample();
        assertThat(s.jvmSeconds()).isPositive();
        assertThat(s.serverSeconds()).isZero();
        assertThat(io.spool.bench.BenchDatabase.postmasterPid("/nonexistent")).isZero();
    }
}
