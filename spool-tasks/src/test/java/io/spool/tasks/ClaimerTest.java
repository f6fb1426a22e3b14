package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claimer on its own: it claims only the names the executor runs, keeps running runs within the concurrency
 * and claims ahead as told, and on stop stops claiming and hands back the runs that wait.
 */
@ExtendWith(PostgresExtension.class)
class ClaimerTest {
    private static final String SCHEMA = "tasks_part_claimer";
    private final TestDatabase db;

    ClaimerTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void claimsWithinConcurrencyAndAheadOnlyItsNamesAndStops() throws Exception {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            for (int i = 0; i < 10; i++) {
                app.spawnTask("a", new byte[0]);
                app.spawnTask("b", new byte[0]);
            }
            Parts parts = Parts.of(app, "cl", "default", 2, 1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            parts.executor().register("a", (ctx, p) -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                release.await();
                running.decrementAndGet();
                return p;
            });
            parts.completer().start();
            parts.executor().start();
            parts.claimer().start();
            Fixtures.eventually(Duration.ofSeconds(10), "two running and one waiting",
                    () -> running.get() == 2 && parts.claimer().waiting() == 1);
            Thread.sleep(300);  // it claims no more while all places are taken
            assertThat(parts.runs().size()).isEqualTo(3);
            assertThat(app.pool().query("SELECT count(*) FROM " + SCHEMA + ".runs r JOIN " + SCHEMA
                    + ".tasks t USING (task_id) WHERE t.name = 'b' AND r.state = 'pending'").row(0).getLong(0))
                    .as("tasks of other names untouched").isEqualTo(10);

            parts.claimer().stop();
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("spool-tasks-claim-cl-default"));
            assertThat(parts.claimer().drainWaiting()).hasSize(1);
            release.countDown();
            Fixtures.eventually(Duration.ofSeconds(10), "the two running ones to be recorded",
                    () -> app.counts().count("default", TaskState.COMPLETED) == 2);
            Thread.sleep(300);
            assertThat(most.get()).isEqualTo(2);
            assertThat(app.counts().count("default", TaskState.COMPLETED)).as("nothing claimed after stop").isEqualTo(2);
            parts.completer().stop();
        }
    }
}
