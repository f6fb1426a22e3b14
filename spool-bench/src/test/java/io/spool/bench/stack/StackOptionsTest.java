package io.spool.bench.stack;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackOptionsTest {
    @Test
    void defaultsMeasureEveryTestAt64And256Connections() {
        StackOptions o = StackOptions.parse();
        assertThat(o.tests()).containsExactly(TestType.values());
        assertThat(o.connections()).containsExactly(64, 256);
        assertThat(o.dbConnections()).isEqualTo(8);
    }

    @Test
    void readsEveryOption() {
        StackOptions o = StackOptions.parse("--seconds", "5", "--warmup", "0", "--rounds", "2", "--connections",
                "16, 32", "--only", "Spool,vertx", "--tests", "db,updates,cached", "--db-connections", "4");
        assertThat(o).isEqualTo(new StackOptions(5, 0, 2, List.of(16, 32), List.of("spool", "vertx"),
                List.of(TestType.DB, TestType.UPDATES, TestType.CACHED), 4));
    }

    @Test
    void aWholeNameKeepsThatContenderAndANamePartEveryOneContainingIt() {
        assertThat(StackOptions.parse("--only", "spool,vertx").contenders(StackContenders.all()))
                .extracting(StackContender::name).containsExactly(StackContenders.SPOOL, StackContenders.VERTX);
        assertThat(StackOptions.parse("--only", "spo,javalin").contenders(StackContenders.all()))
                .extracting(StackContender::name)
                .containsExactly(StackContenders.SPOOL, StackContenders.SPOOL_BLOCKING, StackContenders.JAVALIN);
    }

    @Test
    void badInputGetsClearErrors() {
        assertThatThrownBy(() -> StackOptions.parse("--tests", "db,plaintext"))
                .hasMessageContaining("not 'plaintext'");
        assertThatThrownBy(() -> StackOptions.parse("--rounds", "two")).hasMessageContaining("--rounds takes a number");
        assertThatThrownBy(() -> StackOptions.parse("--seconds")).hasMessageContaining("--seconds needs a value");
        assertThatThrownBy(() -> StackOptions.parse("--threads", "2")).hasMessageContaining("unknown option --threads");
        assertThatThrownBy(() -> StackOptions.parse("--db-connections", "0")).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> StackOptions.parse("--only", "nobody").contenders(StackContenders.all()))
                .hasMessageContaining("matches none of [spool");
    }
}
