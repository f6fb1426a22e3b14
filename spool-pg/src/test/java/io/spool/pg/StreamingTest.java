package io.spool.pg;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.io.Loop;
import io.spool.pg.netty.PgNettyConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Row streams (portal + fetch size) and the result-size cap, in process; the big-heap proofs are in BoundedMemoryTest. */
@ExtendWith(PostgresExtension.class)
class StreamingTest {
    private final TestDatabase db;

    StreamingTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void aBlockingStreamReadsEveryRowInBatchesAndTheConnectionIsBusyUntilClosed() {
        try (PgConnection conn = PgConnection.connect(db.url())) {
            try (RowStream rows = conn.stream("SELECT g, $1::text || g AS s FROM generate_series(1, 2500) g", 7, "r")) {
                List<String> seen = rows.stream().map(r -> r.getString(1)).toList();
                assertThat(seen).hasSize(2500).startsWith("r1", "r2").endsWith("r2500");
                assertThat(rows.commandTag()).isEqualTo("SELECT 2500");
            }
            RowStream open = conn.stream("SELECT g FROM generate_series(1, 100000) g", 100);
            assertThat(open.next().intValue(0)).isEqualTo(1);
            assertThatThrownBy(() -> conn.query("SELECT 1")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("row stream is open");
            open.close();   // early: the server drops the other 99,900 rows
            assertThat(open.commandTag()).isNull();
            assertThat(conn.query("SELECT 42").row(0).intValue(0)).isEqualTo(42);
            try (RowStream empty = conn.stream("SELECT 1 WHERE false", 10)) {
                assertThat(empty.hasNext()).isFalse();
                assertThat(empty.commandTag()).isEqualTo("SELECT 0");
            }
        }
    }

    @Test
    void anErrorMidStreamComesAfterTheRowsBeforeItAndLeavesTheConnectionUsable() {
        try (PgConnection conn = PgConnection.connect(db.url())) {
            List<Integer> seen = new ArrayList<>();
            assertThatThrownBy(() -> {
                try (RowStream rows = conn.stream("SELECT 10 / (5000 - g) AS v, g FROM generate_series(1, 9000) g", 1000)) {
                    rows.forEachRemaining(r -> seen.add(r.intValue(1)));
                }
            }).isInstanceOf(PgException.class).extracting(e -> ((PgException) e).sqlState()).isEqualTo("22012");
            assertThat(seen).hasSize(4000).endsWith(4000);   // the whole batches that came before the error
            assertThat(conn.query("SELECT 1").row(0).intValue(0)).isEqualTo(1);
            assertThat(conn.transactionStatus()).isEqualTo('I');
        }
    }

    @Test
    void aPoolStreamHoldsItsConnectionUntilClosed() {
        try (PgPool pool = PgPool.create(db.url(), 1)) {
            long sum = 0;
            try (RowStream rows = pool.stream("SELECT g FROM generate_series(1, 10000) g", 333)) {
                assertThat(pool.inUse()).isEqualTo(1);
                for (Row r : rows) {
                    sum += r.intValue(0);
                }
            }
            assertThat(sum).isEqualTo(10000L * 10001 / 2);
            assertThat(pool.inUse()).isZero();
            assertThat(pool.query("SELECT 2").row(0).intValue(0)).isEqualTo(2);
        }
    }

    @Test
    void aPollStreamHandsOutBatchesAndClosesWithoutBlocking() throws Exception {
        try (Loop loop = Loop.open()) {
            PgPollConnection conn = loop.run(PgPollConnection.start(PgConfig.parse(db.url()))::poll);
            PollRowStream stream = conn.startStream("SELECT g FROM generate_series(1, 1000) g", 300);
            List<Integer> sizes = new ArrayList<>();
            RowSet batch;
            while ((batch = loop.run(stream.nextBatch())) != null) {
                sizes.add(batch.size());
            }
            assertThat(sizes).containsExactly(300, 300, 300, 100);
            assertThat(stream.commandTag()).isEqualTo("SELECT 1000");
            PollRowStream abandoned = conn.startStream("SELECT g FROM generate_series(1, 1000000) g", 10);
            assertThat(loop.run(abandoned.nextBatch()).size()).isEqualTo(10);
            abandoned.close();
            assertThat(loop.run(conn.startQuery("SELECT 7")).row(0).intValue(0)).isEqualTo(7);
            conn.close();
        }
    }

    @Test
    void aNettyPublisherSendsNoMoreRowsThanRequestedAndCancels() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (PgNettyConnection conn = PgNettyConnection.connect(PgConfig.parse(db.url()), group).get(10, TimeUnit.SECONDS)) {
            List<Integer> seen = new CopyOnWriteArrayList<>();
            CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
            CompletableFuture<Throwable> ended = new CompletableFuture<>();
            conn.stream("SELECT g FROM generate_series(1, 100000) g", 50).subscribe(new Flow.Subscriber<>() {
                public void onSubscribe(Flow.Subscription s) { subscribed.complete(s); }
                public void onNext(Row row) { seen.add(row.intValue(0)); }
                public void onError(Throwable t) { ended.complete(t); }
                public void onComplete() { ended.complete(null); }
            });
            Flow.Subscription s = subscribed.get(10, TimeUnit.SECONDS);
            s.request(5);
            Thread.sleep(300);
            assertThat(seen).containsExactly(1, 2, 3, 4, 5);
            s.request(120);
            Thread.sleep(300);
            assertThat(seen).hasSize(125).endsWith(125);
            s.cancel();
            assertThat(conn.query("SELECT 3").get(10, TimeUnit.SECONDS).row(0).intValue(0)).isEqualTo(3);
            assertThat(ended).isNotDone();   // cancelled: no further signal

            CompletableFuture<Long> count = new CompletableFuture<>();
            conn.stream("SELECT g FROM generate_series(1, 2000) g", 64).subscribe(new Flow.Subscriber<>() {
                long n;
                public void onSubscribe(Flow.Subscription sub) { sub.request(Long.MAX_VALUE); }
                public void onNext(Row row) { n++; }
                public void onError(Throwable t) { count.completeExceptionally(t); }
                public void onComplete() { count.complete(n); }
            });
            assertThat(count.get(10, TimeUnit.SECONDS)).isEqualTo(2000L);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void aResultOverTheCapFailsWith54000AndTheConnectionAnswersAfter() {
        try (PgConnection conn = PgConnection.connect(PgConfig.parse(db.url()).withMaxResultSize(1 << 20))) {
            assertThatThrownBy(() -> conn.query("SELECT repeat('x', 100) FROM generate_series(1, 100000)"))
                    .isInstanceOf(PgException.class).hasMessageContaining("max_result_size (1048576 bytes)")
                    .extracting(e -> ((PgException) e).sqlState()).isEqualTo("54000");
            assertThat(conn.query("SELECT 1").row(0).intValue(0)).isEqualTo(1);
            assertThatThrownBy(() -> conn.simpleQuery("SELECT repeat('x', 100) FROM generate_series(1, 100000)"))
                    .isInstanceOf(PgException.class).extracting(e -> ((PgException) e).sqlState()).isEqualTo("54000");
            assertThat(conn.simpleQuery("SELECT 2").get(0).row(0).getString(0)).isEqualTo("2");
            assertThat(conn.query("SELECT repeat('x', 100) FROM generate_series(1, 5000)").size()).isEqualTo(5000);
        }
        assertThatThrownBy(() -> PgConfig.parse(db.url() + "?max_result_size=12")).hasMessageContaining("at least 1024");
    }
}
