package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The maintainer on its own: it fires schedules, applies retention, measures the clock's skew, and stops at once. */
@ExtendWith(PostgresExtension.class)
class MaintainerTest {
    private static final String SCHEMA = "tasks_part_maintainer";
    private final TestDatabase db;

    MaintainerTest(TestDatabase db) {
        this.db = db;
    }

    private static long ticks(Application app) {
        return app.pool().query("SELECT count(*) FROM " + SCHEMA + ".schedule_ticks").row(0).getLong(0);
    }

    @Test
    void firesSchedulesCleansUpAndStopsAtOnce() throws Exception {
        TaskConfig config = Fixtures.config(db, SCHEMA).withRetention(new Retention(Duration.ZERO, Duration.ZERO, false,
                Duration.ofMillis(200)));
        try (Application app = Application.create(config)) {
            app.schedule(Schedule.of("beat", "* * * * * *", "beat"));
            Maintainer m = new Maintainer(app, "m", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-3)), true, true);
            m.start();
            Fixtures.eventually(Duration.ofSeconds(10), "two ticks", () -> ticks(app) >= 2);
            assertThat(m.skew()).as("the database's clock minus the worker's")
                    .isBetween(Duration.ofMinutes(3).minusSeconds(2), Duration.ofMinutes(3).plusSeconds(2));
            // retention: the finished task goes at the next round
            long id = app.spawnTask("t", new byte[0]).taskId();
            app.cancel(id);
            Fixtures.eventually(Duration.ofSeconds(10), "the cancelled task removed", () -> app.result(id).isEmpty());
            long t0 = System.nanoTime();
            m.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
            long after = ticks(app);
            Thread.sleep(1500);
            assertThat(ticks(app)).as("no tick after stop").isEqualTo(after);
        }
    }
}
