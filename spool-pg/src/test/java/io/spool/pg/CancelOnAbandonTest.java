package io.spool.pg;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.io.Loop;
import io.spool.io.PollTimeoutException;
import io.spool.pg.netty.PgNettyConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A statement given up on (socket timeout, interrupt, a loop's timeout then close, a future's timeout or close)
 * is cancelled on the server: pg_stat_activity no longer shows its backend running it. Without the cancel the
 * backend would sleep on for the full 60 s, since PostgreSQL does not notice a closed client while it sleeps.
 */
@ExtendWith(PostgresExtension.class)
class CancelOnAbandonTest {
    private static final String SLOW = "SELECT pg_sleep(60)";
    private final TestDatabase db;
    private PgConnection observer;

    CancelOnAbandonTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void open() {
        observer = PgConnection.connect(db.url());
    }

    @AfterEach
    void close() {
        observer.close();
    }

    /** Waits (up to 3 s) until backend {@code pid} no longer runs the slow statement; fails if it still does. */
    private void assertBackendStopped(int pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long running;
        do {
            running = observer.query("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND state = 'active' "
                    + "AND query = $2", pid, SLOW).row(0).longValue(0);
            if (running == 0) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertThat(running).as("backend " + pid + " still runs " + SLOW).isZero();
    }

    private void awaitRunning(int pid) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (observer.query("SELECT count(*) FROM pg_stat_activity WHERE pid = $1 AND state = 'active'", pid)
                    .row(0).longValue(0) == 1) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("backend " + pid + " never started the statement");
    }

    @Test
    void aSocketTimeoutCancelsTheStatementBeforeClosing() throws Exception {
        PgConnection c = PgConnection.connect(PgConfig.parse(db.url()).withSocketTimeout(Duration.ofMillis(300)));
        int pid = c.processId();
        assertThatThrownBy(() -> c.query(SLOW)).isInstanceOf(PgException.class)
                .hasMessageContaining("the statement was cancelled");
        assertThat(c.isUsable()).isFalse();
        assertBackendStopped(pid);
        c.close();
    }

    @Test
    void anInterruptedVirtualThreadCancelsItsStatement() throws Exception {
        PgConnection c = PgConnection.connect(db.url());
        int pid = c.processId();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                c.query(SLOW);
                failure.complete(null);
            } catch (Throwable e) {
                failure.complete(e);
            }
            stillInterrupted.complete(Thread.currentThread().isInterrupted());
        });
        awaitRunning(pid);
        t.interrupt();
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(PgException.class).hasMessageContaining("interrupted");
        assertThat(stillInterrupted.get()).as("the interrupt is kept for the caller").isTrue();
        assertBackendStopped(pid);
        c.close();
    }

    @Test
    void closingAPollConnectionALoopGaveUpOnCancelsTheStatement() throws Exception {
        try (Loop loop = Loop.open()) {
            PgPollConnection c = loop.run(PgPollConnection.start(PgConfig.parse(db.url()))::poll);
            int pid = c.engine().processId();
            assertThatThrownBy(() -> loop.run(Loop.timeout(c.startQuery(SLOW), Duration.ofMillis(300))))
                    .isInstanceOf(PollTimeoutException.class);
            c.close();
            assertBackendStopped(pid);
        }
    }

    @Test
    void aNettyFutureThatTimesOutCancelsItsStatementAndTheConnectionGoesOn() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            PgNettyConnection c = PgNettyConnection.connect(PgConfig.parse(db.url()), group).get(10, TimeUnit.SECONDS);
            int pid = c.processId();
            assertThatThrownBy(() -> c.query(SLOW).orTimeout(300, TimeUnit.MILLISECONDS).join())
                    .hasCauseInstanceOf(TimeoutException.class);
            assertBackendStopped(pid);
            assertThat(c.query("SELECT 5").get(10, TimeUnit.SECONDS).row(0).intValue(0)).isEqualTo(5);

            c.query(SLOW);
            awaitRunning(pid);
            c.closeAsync().get(10, TimeUnit.SECONDS);
            assertBackendStopped(pid);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
