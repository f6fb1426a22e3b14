package io.spool.pg;

import io.spool.io.Interest;
import io.spool.io.Poll;
import io.spool.io.Pollable;
import io.spool.pg.protocol.EngineException;
import io.spool.pg.protocol.StreamQuery;

/**
 * The rows of one query on a {@link PgPollConnection}, a batch (the fetch size) at a time: poll
 * {@link #nextBatch()} until it is ready, read the batch, ask for the next. Taking a batch asks the server for
 * the one after, so reading and fetching overlap while at most three batches are in memory. A batch of
 * {@code null} means the rows are over; a failure is thrown by the poll. {@link #close()} drops the rest
 * without blocking. Not thread-safe: poll it from the connection's thread.
 */
public final class PollRowStream implements AutoCloseable {
    private final PgPollConnection connection;
    private final StreamQuery query;

    PollRowStream(PgPollConnection connection, StreamQuery query) {
        this.connection = connection;
        this.query = query;
    }

    /** The next batch of rows, or {@code null} once every row has been read. Polling it again gives the same. */
    public Pollable<RowSet> nextBatch() {
        return new Pollable<>() {
            private Poll<RowSet> answer;

            @Override
            public Poll<RowSet> poll() throws java.io.IOException {
                if (answer != null) {
                    return answer;
                }
                Interest interest = null;
                while (!query.hasBatch() && !query.isExhausted()) {
                    if (interest != null) {
                        return Poll.pending(interest, connection.channel());
                    }
                    interest = connection.progress();
                }
                try {
                    answer = Poll.ready(RowSet.of(query.nextBatch(connection.engine())));
                } catch (EngineException e) {
                    throw PgException.from(e);
                }
                connection.progress();  // sends the Execute for the batch after this one
                return answer;
            }
        };
    }

    /** The command tag (e.g. {@code "SELECT 5"}) once the rows are over; null before. */
    public String commandTag() {
        return query.isExhausted() && !query.isFailed() ? query.result() : null;
    }

    /**
     * Drops the rows not read yet: the server is told to end the query, and what still arrives is discarded as
     * the connection is polled. Never blocks.
     */
    @Override
    public void close() {
        query.close(connection.engine());
        try {
            connection.progress();
        } catch (java.io.IOException e) {
            // progress() reports I/O failures through the engine; nothing else to do here
        }
    }
}
