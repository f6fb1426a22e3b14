package io.spool.bench.tasks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        Options o = Options.parse();
        assertThat(o.tasks()).isEqualTo(20_000);
        assertThat(o.rounds()).isEqualTo(3);
        assertThat(o.batch()).isEqualTo(500);
        assertThat(o.concurrency()).isEqualTo(32);
        assertThat(o.connections()).isEqualTo(8);
        assertThat(o.only()).isEmpty();
        assertThat(o.wants("jobrunr")).isTrue();
    }

    @Test
    void parsesEveryOption() {
        Options o = Options.parse("--tasks", "50_000", "--warmup", "0", "--rounds", "5", "--batch", "1,000",
                "--concurrency", "64", "--connections", "4", "--only", "spool, DB-sched");
        assertThat(o.tasks()).isEqualTo(50_000);
        assertThat(o.warmupTasks()).isZero();
        assertThat(o.rounds()).isEqualTo(5);
        assertThat(o.batch()).isEqualTo(1000);
        assertThat(o.concurrency()).isEqualTo(64);
        assertThat(o.connections()).isEqualTo(4);
        assertThat(o.only()).isEqualTo(List.of("spool", "DB-sched"));
        assertThat(o.wants("spool-tasks")).isTrue();
        assertThat(o.wants("db-scheduler")).isTrue();
        assertThat(o.wants("jobrunr")).isFalse();
    }

    @Test
    void rejectsUnknownMissingAndBadValues() {
        assertThatThrownBy(() -> Options.parse("--seconds", "3")).hasMessageContaining("unknown option --seconds");
        assertThatThrownBy(() -> Options.parse("--tasks")).hasMessageContaining("--tasks needs a value");
        assertThatThrownBy(() -> Options.parse("--tasks", "many")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Options.parse("--rounds", "0")).isInstanceOf(IllegalArgumentException.class);
    }
}
