package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cron ticks follow the database's clock: a worker whose clock runs 10 minutes fast fires no tick early and does
 * not silence the schedule, and the SQL path refuses a tick in the database's future.
 */
@ExtendWith(PostgresExtension.class)
class ClockSkewTest {
    private static final String SCHEMA = "tasks_clock_skew";
    private static final Duration FAST = Duration.ofMinutes(10);
    private final TestDatabase db;

    ClockSkewTest(TestDatabase db) {
        this.db = db;
    }

    private static long count(Application app, String where) {
        return app.pool().query("SELECT count(*) FROM " + SCHEMA + ".schedule_ticks WHERE " + where).row(0).getLong(0);
    }

    @Test
    void aWorkerTenMinutesFastFiresNoTickEarlyAndTheScheduleGoesOn() throws Exception {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            app.schedule(Schedule.of("minutely", "* * * * *", "beat"));
            app.schedule(Schedule.of("secondly", "* * * * * *", "beat"));
            Worker fast = app.createWorker("fast", WorkerOptions.defaults()
                    .withClock(Clock.offset(Clock.systemUTC(), FAST))).register("beat", (ctx, p) -> p).start();
            Fixtures.eventually(Duration.ofSeconds(10), "three ticks of the every-second schedule",
                    () -> count(app, "schedule_name = 'secondly'") >= 3);
            fast.close();
            // by the worker's clock, ten ticks of 'minutely' were due: by the database's, none yet (it was created
            // after its last tick), and no tick is later than the moment it was spawned
            assertThat(count(app, "schedule_name = 'minutely' AND tick > now()")).isZero();
            assertThat(count(app, "tick > spawned_at")).as("ticks spawned before their time").isZero();
            assertThat(app.pool().query("SELECT count(*) FROM " + SCHEMA + ".schedules WHERE last_tick > now()")
                    .row(0).getLong(0)).as("schedules moved into the future").isZero();
            assertThat(count(app, "schedule_name = 'secondly'")).isBetween(3L, 8L);
        }
    }

    @Test
    void theSqlPathRefusesAFutureTickAndTheScheduleStillFires() throws Exception {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            app.schedule(Schedule.of("tick", "* * * * * *", "beat"));
            String spawn = "SELECT task_id FROM " + SCHEMA + ".spawn_scheduled('tick', date_trunc('second', now()) + $1::interval)";
            assertThatThrownBy(() -> app.pool().query(spawn, FAST))
                    .hasMessageContaining("is in the future by the database's clock");
            assertThat(app.pool().query("SELECT last_tick <= now() FROM " + SCHEMA + ".schedules").row(0).getBoolean(0))
                    .as("last_tick did not move").isTrue();
            assertThat(count(app, "true")).isZero();
            app.createWorker("w").register("beat", (ctx, p) -> p).start();
            Fixtures.eventually(Duration.ofSeconds(10), "the schedule to fire", () -> count(app, "true") >= 2);
        }
    }
}
