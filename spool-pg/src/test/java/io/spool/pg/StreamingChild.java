package io.spool.pg;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.spool.io.Loop;
import io.spool.pg.netty.PgNettyConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM with a small heap by {@link BoundedMemoryTest}: proves results larger than the heap are
 * streamed on every transport, refused with a clear error when not streamed, and that a shared pool survives
 * an {@link OutOfMemoryError} in its reader. Prints one line per finding for the parent to check.
 */
public final class StreamingChild {
    private StreamingChild() {}

    public static void main(String[] args) throws Exception {
        PgConfig config = PgConfig.parse(args[1]);
        switch (args[0]) {
            case "stream" -> stream(config, Long.parseLong(args[2]));
            case "shared-oom" -> sharedPoolAfterOutOfMemory(config, Long.parseLong(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static String series(long rows) {
        return "SELECT g FROM generate_series(1, " + rows + "::int8) g";
    }

    private static void stream(PgConfig config, long rows) throws Exception {
        long expectedSum = rows * (rows + 1) / 2;
        try (PgConnection conn = PgConnection.connect(config)) {
            long t0 = System.nanoTime();
            long sum = 0;
            long count = 0;
            try (RowStream stream = conn.stream(series(rows), 10_000)) {
                for (Row row : stream) {
                    sum += row.longValue(0);
                    count++;
                }
                System.out.println("blocking-tag " + stream.commandTag());
            }
            report("blocking", count, sum == expectedSum, t0);
            refusedThenUsable("blocking", () -> conn.query(series(rows)), () -> conn.query("SELECT 1").row(0).intValue(0));
        }

        try (Loop loop = Loop.open()) {
            PgPollConnection conn = loop.run(PgPollConnection.start(config)::poll);
            long t0 = System.nanoTime();
            long sum = 0;
            long count = 0;
            try (PollRowStream stream = conn.startStream(series(rows), 10_000)) {
                RowSet batch;
                while ((batch = loop.run(stream.nextBatch())) != null) {
                    for (Row row : batch) {
                        sum += row.longValue(0);
                    }
                    count += batch.size();
                }
            }
            report("poll", count, sum == expectedSum, t0);
            refusedThenUsable("poll", () -> run(loop, conn, series(rows)), () -> run(loop, conn, "SELECT 1").row(0).intValue(0));
            conn.close();
        }

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (PgNettyConnection conn = PgNettyConnection.connect(config, group).get(10, TimeUnit.SECONDS)) {
            long t0 = System.nanoTime();
            SummingSubscriber subscriber = new SummingSubscriber();
            conn.stream(series(rows), 10_000).subscribe(subscriber);
            subscriber.done.get(120, TimeUnit.SECONDS);
            report("netty", subscriber.count, subscriber.sum == expectedSum, t0);
            refusedThenUsable("netty", () -> conn.query(series(rows)).join(),
                    () -> conn.query("SELECT 1").join().row(0).intValue(0));
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static RowSet run(Loop loop, PgPollConnection conn, String sql) {
        try {
            return loop.run(conn.startQuery(sql));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void report(String transport, long count, boolean sumRight, long t0) {
        System.out.printf("%s-streamed %d %s %d ms max-heap %d MiB%n", transport, count, sumRight ? "sum-ok" : "sum-WRONG",
                (System.nanoTime() - t0) / 1_000_000, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The whole result, not streamed: must fail with 54000, and the connection must answer afterwards. */
    private static void refusedThenUsable(String transport, Runnable unstreamed, java.util.function.IntSupplier selectOne) {
        try {
            unstreamed.run();
            System.out.println(transport + "-unstreamed NOT-REFUSED");
        } catch (RuntimeException e) {
            Throwable t = e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
            String state = t instanceof PgException pg ? pg.sqlState() : t.toString();
            System.out.println(transport + "-unstreamed " + state + " " + t.getMessage().replace('\n', ' '));
        }
        System.out.println(transport + "-after select-1=" + selectOne.getAsInt());
    }

    /** Asks for 1,000 rows at a time, as a bounded consumer would. */
    private static final class SummingSubscriber implements Flow.Subscriber<Row> {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        Flow.Subscription subscription;
        long count;
        long sum;
        long outstanding;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            outstanding = 1000;
            s.request(1000);
        }

        @Override
        public void onNext(Row row) {
            sum += row.longValue(0);
            count++;
            if (--outstanding == 0) {
                outstanding = 1000;
                subscription.request(1000);
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
    }

    /**
     * A shared pool with the result cap lifted, so a huge result exhausts the heap in the reader thread: every
     * waiter (the big query and those pipelined behind it) must fail at once, and the pool must answer after.
     */
    private static void sharedPoolAfterOutOfMemory(PgConfig config, long rows) throws Exception {
        PgConfig uncapped = config.withMaxResultSize(Long.MAX_VALUE);
        try (PgPool pool = PgPool.create(uncapped, PoolOptions.defaults().withSharedConnections(1))) {
            pool.query("SELECT 1");
            List<CompletableFuture<String>> waiters = new ArrayList<>();
            waiters.add(outcome(() -> pool.query(series(rows))));
            Thread.sleep(100);
            for (int i = 0; i < 3; i++) {
                waiters.add(outcome(() -> pool.query("SELECT pg_sleep(0.2), 1")));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < waiters.size(); i++) {
                String result;
                try {
                    result = waiters.get(i).get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    result = "HUNG";
                }
                System.out.println("waiter-" + i + " " + result);
            }
            System.out.printf("waiters-over-in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            System.out.println("pool-after select-1=" + pool.query("SELECT 1").row(0).intValue(0));
        }
    }

    private static CompletableFuture<String> outcome(java.util.function.Supplier<RowSet> query) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                f.complete("rows " + query.get().size());
            } catch (PgException e) {
                f.complete("failed " + e.sqlState() + " " + e.getMessage().replace('\n', ' '));
            } catch (Throwable t) {
                f.complete("threw " + t);
            }
        });
        return f;
    }

}
