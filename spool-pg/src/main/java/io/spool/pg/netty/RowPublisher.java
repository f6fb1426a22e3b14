package io.spool.pg.netty;

import io.netty.channel.EventLoop;
import io.spool.pg.Row;
import io.spool.pg.PgException;
import io.spool.pg.RowSet;
import io.spool.pg.protocol.EngineException;
import io.spool.pg.protocol.PgEngine;
import io.spool.pg.protocol.StreamQuery;

import java.util.concurrent.Flow;

/**
 * A query's rows as a {@link Flow.Publisher} with backpressure: each subscription runs the query once, a batch
 * (the fetch size) at a time, and asks the server for the next batch only as the subscriber's demand uses up
 * the rows already here, so a slow subscriber slows the server instead of filling the heap. Signals come on
 * the connection's event loop.
 */
final class RowPublisher implements Flow.Publisher<Row> {
    private final PgNettyConnection connection;
    private final String sql;
    private final int fetchSize;
    private final Object[] params;

    RowPublisher(PgNettyConnection connection, String sql, int fetchSize, Object[] params) {
        this.connection = connection;
        this.sql = sql;
        this.fetchSize = fetchSize;
        this.params = params;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Row> subscriber) {
        java.util.Objects.requireNonNull(subscriber, "subscriber");
        new RowSubscription(subscriber).start();
    }

    /** One run of the query; every field is touched on the event loop only. */
    private final class RowSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super Row> subscriber;
        private final EventLoop loop = connection.channel().eventLoop();
        private final PgEngine engine = connection.engine();
        private StreamQuery query;
        private RowSet batch;
        private int index;
        private long demand;
        private boolean draining;
        private boolean finished;

        RowSubscription(Flow.Subscriber<? super Row> subscriber) {
            this.subscriber = subscriber;
        }

        void start() {
            onLoop(() -> {
                subscriber.onSubscribe(this);
                if (finished) {
                    return;  // cancelled inside onSubscribe
                }
                try {
                    query = engine.stream(sql, fetchSize, params);
                } catch (RuntimeException e) {
                    finished = true;
                    subscriber.onError(e);
                    return;
                }
                query.onProgress(this::drain);
                connection.flushOutput();
                drain();
            });
        }

        @Override
        public void request(long n) {
            onLoop(() -> {
                if (finished) {
                    return;
                }
                if (n <= 0) {   // rule 3.9
                    cancelQuery();
                    subscriber.onError(new IllegalArgumentException("request(" + n + "): demand must be positive"));
                    return;
                }
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                drain();
            });
        }

        @Override
        public void cancel() {
            onLoop(this::cancelQuery);
        }

        private void cancelQuery() {
            finished = true;
            batch = null;
            if (query != null) {
                query.close(engine);
                connection.flushOutput();
            }
        }

        /** Hands out rows while there is demand; takes the next batch (and asks for the one after) as needed. */
        private void drain() {
            if (draining || finished || query == null) {
                return;
            }
            draining = true;
            try {
                while (!finished) {
                    if (batch != null && index < batch.size()) {
                        if (demand == 0) {
                            return;
                        }
                        demand--;
                        deliver(batch.row(index++));
                        continue;
                    }
                    RowSet next;
                    try {
                        next = io.spool.pg.RowSet.of(query.nextBatch(engine));
                    } catch (RuntimeException e) {
                        finished = true;
                        subscriber.onError(e instanceof EngineException failure ? PgException.from(failure) : e);
                        return;
                    }
                    connection.flushOutput();  // the Execute for the batch after this one
                    if (next == null) {
                        if (query.isExhausted()) {
                            finished = true;
                            subscriber.onComplete();
                        }
                        return;
                    }
                    batch = next;
                    index = 0;
                }
            } finally {
                draining = false;
            }
        }

        private void deliver(Row row) {
            try {
                subscriber.onNext(row);
            } catch (RuntimeException e) {
                cancelQuery();  // rule 2.13: a subscriber that throws has cancelled
                throw e;
            }
        }

        private void onLoop(Runnable task) {
            if (loop.inEventLoop()) {
                task.run();
            } else {
                loop.execute(task);
            }
        }
    }
}
