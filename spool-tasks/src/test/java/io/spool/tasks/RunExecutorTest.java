package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The executor on its own: how each way a handler ends becomes a finish, and what stop does to running handlers. */
@ExtendWith(PostgresExtension.class)
class RunExecutorTest {
    private static final String SCHEMA = "tasks_part_executor";
    private final TestDatabase db;

    RunExecutorTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void turnsEachEndOfAHandlerIntoAFinish() {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            for (String name : List.of("ok", "throws", "permanent", "lost", "unknown")) {
                app.spawnTask(name, new byte[]{1});
            }
            Parts parts = Parts.of(app, "x", "default", 8, 0);
            RunExecutor executor = parts.executor();
            executor.register("ok", (ctx, p) -> new byte[]{2});
            executor.register("throws", (ctx, p) -> {
                throw new IllegalStateException("boom");
            });
            executor.register("permanent", (ctx, p) -> {
                throw new PermanentFailureException("never");
            });
            executor.register("lost", (ctx, p) -> {
                throw new LeaseLostException(ctx.runId(), false, "gone");
            });
            assertThat(executor.names()).containsExactly("lost", "ok", "permanent", "throws");
            for (RunContext ctx : parts.claim("default", 5)) {
                Finish f = executor.handle(ctx, new byte[]{1});
                switch (ctx.taskName()) {
                    case "ok" -> assertThat(f.ok()).isTrue();
                    case "throws" -> assertThat(f.retry() && f.error().contains("IllegalStateException: boom")).isTrue();
                    case "permanent" -> assertThat(!f.retry() && f.error().contains("never")).isTrue();
                    case "lost" -> assertThat(f).isNull();
                    default -> assertThat(f.error()).contains("no handler for task 'unknown' on worker x");
                }
            }
        }
    }

    @Test
    void stopInterruptsTheHandlersLeftAndStartsNoMore() throws Exception {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            app.spawnTask("wait", new byte[0]);
            app.spawnTask("wait", new byte[0]);
            Parts parts = Parts.of(app, "x", "default", 8, 0);
            CountDownLatch inside = new CountDownLatch(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            parts.executor().register("wait", (ctx, p) -> {
                inside.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                }
                return p;
            });
            parts.executor().start();
            List<RunContext> held = parts.claim("default", 2);
            parts.executor().launch(held.get(0), new byte[0]);
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            held.get(0).lost = true;  // released by the worker first, as Worker.stop does
            parts.executor().stop(List.of(held.get(0)));
            Fixtures.eventually(Duration.ofSeconds(5), "the handler to be interrupted", interrupted::get);
            parts.executor().launch(held.get(1), new byte[0]);
            assertThat(held.get(1).thread).as("not started after stop").isNull();
            Fixtures.eventually(Duration.ofSeconds(5), "both runs over here", () -> parts.runs().isEmpty());
            assertThat(parts.runs().finished()).isEqualTo(2);
        }
    }
}
