package io.spool.pg;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.io.Loop;
import io.spool.io.Pollable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The poll connection driven by spool-io's Loop: on the test thread (gather) and as a served future API. */
@ExtendWith(PostgresExtension.class)
class LoopDrivenTest {
    private final TestDatabase db;
    private Loop loop;

    LoopDrivenTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void open() throws IOException {
        loop = Loop.open();
    }

    @AfterEach
    void close() throws IOException {
        loop.close();
    }

    @Test
    void oneThreadRunsAHundredConcurrentQueriesOverTenConnections() throws IOException {
        List<PgPollConnection> conns = new ArrayList<>();
        List<Pollable<PgPollConnection>> connecting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PgPollConnection c = PgPollConnection.start(PgConfig.parse(db.url()));
            conns.add(c);
            connecting.add(c::poll);
        }
        loop.gather(connecting);
        String thread = Thread.currentThread().getName();
        List<Pollable<RowSet>> queries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            queries.add(conns.get(i % 10).startQuery("SELECT $1::int4 AS i, pg_backend_pid() AS pid, pg_sleep(0.05)", i));
        }
        long start = System.nanoTime();
        List<RowSet> results = loop.gather(queries);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        for (int i = 0; i < 100; i++) {
            assertThat(results.get(i).row(0).intValue(0)).isEqualTo(i);
            assertThat(results.get(i).row(0).intValue(1)).isEqualTo(conns.get(i % 10).engine().processId());
        }
        // ten 50 ms sleeps run back to back on each connection, the ten connections at once: ~0.5 s, not 5 s
        System.out.printf("Loop on %s: 100 queries (50 ms each) over 10 connections in %d ms%n", thread, millis);
        assertThat(millis).isLessThan(2500);
        conns.forEach(PgPollConnection::close);
    }

    @Test
    void timeoutOnTheLoopAbandonsASlowQuery() throws IOException {
        PgPollConnection c = PgPollConnection.start(PgConfig.parse(db.url()));
        loop.run(c::poll);
        assertThatThrownBy(() -> loop.run(Loop.timeout(c.startQuery("SELECT pg_sleep(5)"), Duration.ofMillis(200))))
                .isInstanceOf(io.spool.io.PollTimeoutException.class);
        c.close();
    }

    @Test
    void futureApiPipelinesAThousandQueriesFromOtherThreads() throws Exception {
        loop.startThread("pg-loop");
        try (LatencyProxy proxy = new LatencyProxy(db.host(), db.port(), 1000)) {
            PgConfig viaProxy = PgConfig.parse(db.url()).withHost("127.0.0.1").withPort(proxy.port());
            PgAsyncConnection conn = PgAsyncConnection.connect(viaProxy, loop).get(10, TimeUnit.SECONDS);
            PipeliningProof.assertPipelines("Loop futures", proxy, i -> conn.query("SELECT $1::int4 AS v", i), 200);
            conn.close();
        }
    }

    @Test
    void futureFailsWithTheServerErrorAndTheConnectionGoesOn() throws Exception {
        loop.startThread("pg-loop");
        PgAsyncConnection conn = PgAsyncConnection.connect(PgConfig.parse(db.url()), loop).get(10, TimeUnit.SECONDS);
        CompletableFuture<RowSet> bad = conn.query("SELECT 1 / $1::int4", 0);
        CompletableFuture<RowSet> good = conn.query("SELECT 2 AS two");
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(PgException.class);
        assertThat(good.get(5, TimeUnit.SECONDS).row(0).intValue(0)).isEqualTo(2);
        conn.simpleQuery("LISTEN loop_chan").get(5, TimeUnit.SECONDS);
        CompletableFuture<Notification> next = conn.nextNotification();
        try (PgConnection other = PgConnection.connect(db.url())) {
            other.execute("NOTIFY loop_chan, 'hi'");
        }
        assertThat(next.get(5, TimeUnit.SECONDS).payload()).isEqualTo("hi");
        conn.close();
    }
}
