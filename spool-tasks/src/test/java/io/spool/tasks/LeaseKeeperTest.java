package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lease keeper on its own: it keeps short leases alive, marks cancelled runs, and stops extending on stop. */
@ExtendWith(PostgresExtension.class)
class LeaseKeeperTest {
    private static final String SCHEMA = "tasks_part_keeper";
    private final TestDatabase db;

    LeaseKeeperTest(TestDatabase db) {
        this.db = db;
    }

    private static boolean held(Application app, RunContext ctx) {
        return app.pool().query("SELECT state = 'running' AND lease_expires_at > now() FROM " + SCHEMA
                + ".runs WHERE run_id = $1", ctx.runId()).row(0).getBoolean(0);
    }

    @Test
    void keepsLeasesMarksCancellationsAndStops() throws Exception {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            SpawnOptions shortLease = SpawnOptions.defaults().withLease(Duration.ofMillis(400));
            app.spawnTask("t", new byte[0], shortLease);
            app.spawnTask("t", new byte[0], shortLease);
            Parts parts = Parts.of(app, "k", "default", 8, 0);
            List<RunContext> held = parts.claim("default", 2);
            parts.keeper().start();
            app.notifier().start();
            Thread.sleep(1500);  // almost four leases long
            assertThat(held).allSatisfy(ctx -> {
                assertThat(held(app, ctx)).as("run " + ctx.runId() + " still held").isTrue();
                assertThat(ctx.lost).isFalse();
            });
            app.cancel(held.get(1).taskId());
            Fixtures.eventually(Duration.ofSeconds(5), "the cancellation to reach the run", () -> held.get(1).cancelled);
            assertThat(held.get(0).cancelled).isFalse();

            parts.keeper().stop();
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("spool-tasks-heartbeat-k"));
            Thread.sleep(800);
            assertThat(held(app, held.get(0))).as("no longer extended after stop").isFalse();
        }
    }
}
