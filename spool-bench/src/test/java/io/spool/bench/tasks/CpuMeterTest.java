package io.spool.bench.tasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTest {
    @Test
    void measuresThisJvmAndNothingForAnUnknownServer() {
        CpuMeter.Sample s = new CpuMeter(0).sample();
        assertThat(s.jvmSeconds()).isPositive();
        assertThat(s.serverSeconds()).isZero();
        assertThat(io.spool.bench.BenchDatabase.postmasterPid("/nonexistent")).isZero();
    }
}
