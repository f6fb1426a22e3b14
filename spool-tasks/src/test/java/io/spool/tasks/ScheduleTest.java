package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Periodic tasks: exactly one spawn per tick however many workers fire schedules. */
@ExtendWith(PostgresExtension.class)
class ScheduleTest {
    private static final String SCHEMA = "tasks_schedule_test";
    private final TestDatabase db;

    ScheduleTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void eachTickSpawnsExactlyOnceAcrossManyWorkers() throws Exception {
        TaskConfig config = Fixtures.config(db, SCHEMA);
        List<Application> apps = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                apps.add(Application.create(config));  // three processes' worth, each with its own pool
            }
            Application app = apps.get(0);
            app.schedule(Schedule.of("heartbeat", "* * * * * *", "beat").withJsonParams("tick")
                    .withOptions(SpawnOptions.defaults().withQueue("periodic").withPriority(2)));
            assertThat(app.schedules()).singleElement().satisfies(s -> {
                assertThat(s.cron()).isEqualTo("* * * * * *");
                assertThat(s.options().queue()).isEqualTo("periodic");
            });
            List<Worker> workers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                workers.add(apps.get(i).createWorker("w" + i, WorkerOptions.defaults().withQueue("periodic", 4))
                        .register("beat", (ctx, p) -> p).start());
            }
            Thread.sleep(4200);
            workers.forEach(Worker::close);
            List<Instant> ticks = new ArrayList<>();
            for (Row r : app.pool().query("SELECT tick FROM " + SCHEMA + ".schedule_ticks ORDER BY tick")) {
                ticks.add(r.get(0, OffsetDateTime.class).toInstant());
            }
            long tasks = app.pool().query("SELECT count(*) FROM " + SCHEMA + ".tasks WHERE name = 'beat'").row(0).getLong(0);
            long distinctTicks = app.pool().query("SELECT count(DISTINCT headers->>'tick') FROM " + SCHEMA + ".tasks")
                    .row(0).getLong(0);
            assertThat(ticks.size()).isBetween(3, 5);
            assertThat(tasks).isEqualTo(ticks.size());
            assertThat(distinctTicks).isEqualTo(tasks);
            for (int i = 1; i < ticks.size(); i++) {  // consecutive seconds: none skipped, none twice
                assertThat(Duration.between(ticks.get(i - 1), ticks.get(i))).isEqualTo(Duration.ofSeconds(1));
            }
            assertThat(app.pool().query("SELECT count(*) FROM " + SCHEMA + ".tasks WHERE state = 'completed' "
                    + "AND queue = 'periodic' AND priority = 2").row(0).getLong(0)).isGreaterThanOrEqualTo(tasks - 1);
        } finally {
            for (Application a : apps) {
                a.close();
            }
        }
    }

    @Test
    void spawnScheduledIsExactlyOncePerTickUnderARace() throws Exception {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            app.schedule(Schedule.of("nightly", "0 3 * * *", "report"));
            // a tick the database's clock has passed (a future one is refused), after the schedule's last tick
            app.pool().execute("UPDATE " + SCHEMA + ".schedules SET last_tick = now() - interval '3 days'");
            Instant tick = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
            String sql = "SELECT task_id FROM " + SCHEMA + ".spawn_scheduled('nightly', $1)";
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit((Callable<Integer>) () -> app.pool().query(sql, tick).size()));
            }
            int spawned = 0;
            for (Future<Integer> f : calls) {
                spawned += f.get();
            }
            pool.shutdown();
            assertThat(spawned).isEqualTo(1);
            assertThat(app.pool().query(sql, tick)).isEmpty();                           // the same tick again
            assertThat(app.pool().query(sql, tick.minus(1, ChronoUnit.DAYS))).isEmpty();  // an older tick
            assertThat(app.counts().total()).isEqualTo(1);
            assertThat(app.unschedule("nightly")).isTrue();
            assertThat(app.unschedule("nightly")).isFalse();
        }
    }

    @Test
    void badSchedulesAreRejectedBeforeTheyAreStored() {
        assertThatThrownBy(() -> Schedule.of("x", "61 * * * *", "t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minute value 61");
        assertThatThrownBy(() -> Schedule.of(" ", "* * * * *", "t")).hasMessageContaining("blank");
    }
}
