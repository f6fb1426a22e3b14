package io.spool.pg;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class PoolTest {
    private final TestDatabase db;

    PoolTest(TestDatabase db) {
        this.db = db;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void idleConnectionsBeyondMinIdleAreRetiredAndMinIdleIsKept() throws Exception {
        PoolOptions options = PoolOptions.defaults().withMaxSize(4).withMinIdle(1).withIdleTimeout(Duration.ofMillis(200));
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), options)) {
            waitUntil(() -> pool.idleConnections() == 1);
            assertThat(pool.idleConnections()).as("minIdle is filled by housekeeping").isEqualTo(1);
            Thread[] users = new Thread[4];
            for (int i = 0; i < 4; i++) {
                users[i] = Thread.ofVirtual().start(() -> pool.query("SELECT pg_sleep(0.2)"));
            }
            for (Thread t : users) {
                t.join();
            }
            assertThat(pool.openConnections()).isEqualTo(4);
            waitUntil(() -> pool.openConnections() == 1);
            assertThat(pool.openConnections()).isEqualTo(1);
            assertThat(pool.inUse()).isZero();
        }
    }

    @Test
    void connectionsPastTheirLifetimeAreReplaced() throws Exception {
        PoolOptions options = PoolOptions.defaults().withMaxSize(1).withMaxLifetime(Duration.ofMillis(300));
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), options)) {
            int first = pool.query("SELECT pg_backend_pid()").row(0).getInteger(0);
            Thread.sleep(400);
            int second = pool.query("SELECT pg_backend_pid()").row(0).getInteger(0);
            assertThat(second).isNotEqualTo(first);
        }
    }

    @Test
    void connectionReturnedInsideATransactionIsNotReused() {
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), 1, Duration.ofSeconds(5))) {
            int pid = pool.withConnection(c -> {
                c.execute("BEGIN");
                return c.processId();
            });
            assertThat(pool.query("SELECT pg_backend_pid()").row(0).getInteger(0)).isNotEqualTo(pid);
            assertThat(pool.query("SELECT current_setting('transaction_isolation') IS NOT NULL").row(0).getBoolean(0)).isTrue();
        }
    }

    @Test
    void unfairPoolServesEveryCallerUnderContention() throws Exception {
        PoolOptions options = PoolOptions.defaults().withMaxSize(2).withFair(false);
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), options);
             var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            java.util.List<java.util.concurrent.Future<Integer>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int n = i;
                all.add(threads.submit(() -> pool.query("SELECT $1::int4 AS v", n).row(0).intValue(0)));
            }
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).get()).isEqualTo(i);
            }
            assertThat(pool.openConnections()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void metricsCountInUseAndWaiting() throws Exception {
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), 2, Duration.ofSeconds(10))) {
            Thread[] sleepers = new Thread[4];
            for (int i = 0; i < sleepers.length; i++) {
                sleepers[i] = Thread.ofVirtual().start(() -> pool.query("SELECT pg_sleep(0.5)"));
            }
            waitUntil(() -> pool.waiting() == 2 && pool.inUse() == 2);
            assertThat(pool.inUse()).isEqualTo(2);
            assertThat(pool.waiting()).isEqualTo(2);
            for (Thread t : sleepers) {
                t.join();
            }
            assertThat(pool.inUse()).isZero();
            assertThat(pool.waiting()).isZero();
        }
    }
}
