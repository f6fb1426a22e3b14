package io.spool.pg;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Many virtual threads sharing a small pool: every query answers, none pins a carrier or times out. */
@ExtendWith(PostgresExtension.class)
class VirtualThreadTest {
    private final TestDatabase db;

    VirtualThreadTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void tenThousandVirtualThreadsShareAPoolOfTwenty() throws Exception {
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), 20, Duration.ofSeconds(60));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            AtomicInteger maxWaiting = new AtomicInteger();
            List<Future<Integer>> answers = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                answers.add(threads.submit(() -> {
                    maxWaiting.accumulateAndGet(pool.waiting(), Math::max);
                    return pool.query("SELECT $1::int4 * 2 AS twice", n).row(0).getInteger(0);
                }));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(2 * i);
            }
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            System.out.printf("10,000 virtual threads, pool of 20: %d ms, up to %d waiting%n", millis, maxWaiting.get());
            assertThat(pool.openConnections()).isLessThanOrEqualTo(20);
            assertThat(maxWaiting.get()).as("the pool really was contended").isGreaterThan(20);
        }
    }

    @Test
    void tenThousandVirtualThreadsPipelineOverFourSharedConnections() throws Exception {
        PoolOptions options = PoolOptions.defaults().withMaxSize(2).withSharedConnections(4);
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), options);
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answers = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                answers.add(threads.submit(() -> pool.query("SELECT $1::int4 * 2 AS twice", n).row(0).getInteger(0)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo(2 * i);
            }
            System.out.printf("10,000 virtual threads, 4 shared pipelined connections: %d ms%n",
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
            assertThat(pool.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'spool'")
                    .row(0).getLong(0)).isLessThanOrEqualTo(6L);
            // a statement error fails only its caller; transactions still get a connection of their own
            assertThatThrownBy(() -> pool.query("SELECT 1 / $1::int4", 0)).isInstanceOf(PgException.class);
            Integer seven = pool.inTransaction(tx -> tx.query("SELECT 7 AS x").row(0).getInteger(0));
            assertThat(seven).isEqualTo(7);
        }
    }

    @Test
    void sharedConnectionKilledFailsItsCallersAndIsReplaced() {
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), PoolOptions.defaults().withSharedConnections(1))) {
            int pid = pool.query("SELECT pg_backend_pid()").row(0).getInteger(0);
            try (PgConnection admin = PgConnection.connect(db.url())) {
                admin.query("SELECT pg_terminate_backend($1)", pid);
            }
            try {
                pool.query("SELECT 1");
            } catch (PgException e) {
                assertThat(e.isConnectionError()).isTrue();
            }
            assertThat(pool.query("SELECT pg_backend_pid()").row(0).getInteger(0)).isNotEqualTo(pid);
        }
    }

    @Test
    void aTransactionOpenedOnASharedConnectionIsRefusedAndTheConnectionReplaced() {
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), PoolOptions.defaults().withSharedConnections(1))) {
            pool.execute("DROP TABLE IF EXISTS vt_shared_tx; CREATE TABLE vt_shared_tx (v int)");
            int pid = pool.query("SELECT pg_backend_pid()").row(0).getInteger(0);
            assertThatThrownBy(() -> pool.query("BEGIN"))
                    .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("25001"));
            pool.query("INSERT INTO vt_shared_tx VALUES ($1)", 1);   // on a new connection, committed at once
            assertThat(pool.query("SELECT pg_backend_pid()").row(0).getInteger(0)).isNotEqualTo(pid);
            assertThatThrownBy(() -> pool.query("SELECT 1 / 0"))   // fails alone: no open transaction to poison
                    .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("22012"));
            assertThat(pool.query("SELECT 2 AS two").row(0).getInteger(0)).isEqualTo(2);
        }
        try (PgConnection c = PgConnection.connect(db.url())) {
            assertThat(c.query("SELECT count(*) FROM vt_shared_tx").row(0).getLong(0)).isEqualTo(1);
        }
    }

    @Test
    void virtualThreadsEachHoldingAConnectionRunShortQueries() throws Exception {
        int connections = 100;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> sums = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                sums.add(threads.submit(() -> {
                    long sum = 0;
                    try (PgConnection c = PgConnection.connect(db.url())) {
                        for (int i = 0; i < 100; i++) {
                            sum += c.query("SELECT $1::int8 AS v", (long) i).row(0).getLong(0);
                        }
                    }
                    return sum;
                }));
            }
            for (Future<Long> f : sums) {
                assertThat(f.get()).isEqualTo(4950L);
            }
        }
    }

    @Test
    void poolReplacesAConnectionWhoseBackendWasKilledBeforeAnyCallerSeesIt() throws Exception {
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), 1, Duration.ofSeconds(5))) {
            int pid = pool.query("SELECT pg_backend_pid()").row(0).getInteger(0);
            try (PgConnection admin = PgConnection.connect(db.url())) {
                admin.query("SELECT pg_terminate_backend($1)", pid);
            }
            Thread.sleep(100);  // the backend's FATAL message reaches the idle socket
            int next = pool.query("SELECT pg_backend_pid()").row(0).getInteger(0);
            assertThat(next).as("the borrow check found the dead connection: no caller saw an error").isNotEqualTo(pid);
        }
    }

    @Test
    void poolRecoversWhenTheBackendIsKilledMidQuery() throws Exception {
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), 1, Duration.ofSeconds(5))) {
            int pid = pool.query("SELECT pg_backend_pid()").row(0).getInteger(0);
            Thread killer = Thread.ofVirtual().start(() -> {
                try (PgConnection admin = PgConnection.connect(db.url())) {
                    Thread.sleep(200);
                    admin.query("SELECT pg_terminate_backend($1)", pid);
                } catch (InterruptedException ignored) {
                    // test over
                }
            });
            assertThatThrownBy(() -> pool.query("SELECT pg_sleep(10)"))
                    .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.isConnectionError()).isTrue());
            killer.join();
            assertThat(pool.query("SELECT pg_backend_pid()").row(0).getInteger(0)).isNotEqualTo(pid);
        }
    }

    @Test
    void acquireTimesOutWhenThePoolIsExhausted() throws Exception {
        try (PgPool pool = PgPool.create(PgConfig.parse(db.url()), 1, Duration.ofMillis(200))) {
            Thread holder = Thread.ofVirtual().start(() -> pool.withConnection(c -> c.query("SELECT pg_sleep(1)")));
            Thread.sleep(200);
            assertThatThrownBy(() -> pool.query("SELECT 1"))
                    .isInstanceOfSatisfying(PgException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("53300");
                        assertThat(e.getMessage()).contains("no connection available within 200 ms");
                    });
            holder.join();
            assertThat(pool.query("SELECT 3 AS x").row(0).getInteger(0)).isEqualTo(3);
        }
    }
}
