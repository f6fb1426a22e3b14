package io.spool.pg;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of one query read a batch (the fetch size) at a time, on a blocking connection: iterate it, or
 * {@link #stream()} it, and close it (try-with-resources) when done. Only the batches being read are in memory,
 * so a result of any size fits in a small heap. The connection runs nothing else while a stream is open;
 * closing before the end tells the server to drop the rest. A failure (the server's, or the connection's)
 * is thrown by {@link #hasNext()} once the rows before it are read. Not thread-safe: one reader.
 */
public final class RowStream implements Iterator<Row>, Iterable<Row>, AutoCloseable {
    /** Where the batches come from: the transport that drives the engine. */
    interface Batches {
        /** The next batch (waiting for it), or null at the end; throws the query's failure. */
        RowSet next();

        /** Ends the query early (or after the end) and frees the connection; the command tag, if it succeeded. */
        String close();
    }

    private final Batches batches;
    private RowSet batch;
    private int index;
    private boolean ended;
    private boolean closed;
    private String commandTag;
    private List<Column> columns;

    RowStream(Batches batches) {
        this.batches = batches;
    }

    @Override
    public boolean hasNext() {
        while (!ended && (batch == null || index >= batch.size())) {
            if (closed) {
                throw new IllegalStateException("the row stream is closed");
            }
            batch = batches.next();
            index = 0;
            if (batch != null) {
                columns = batch.columns();
            }
            if (batch == null) {
                ended = true;
                close();
            }
        }
        return !ended;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more rows");
        }
        return batch.row(index++);
    }

    /** This stream itself: for a for-each loop over the rows (once). */
    @Override
    public Iterator<Row> iterator() {
        return this;
    }

    /** The rows as a sequential {@link Stream}; closing it closes this row stream. */
    public Stream<Row> stream() {
        Spliterator<Row> split = Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false).onClose(this::close);
    }

    /**
     * The result's columns, reading the first batch if none is read yet (so it waits for the server); empty for
     * a statement that returns no rows.
     */
    public List<Column> columns() {
        if (columns == null && !closed) {
            hasNext();
        }
        return columns == null ? List.of() : columns;
    }

    /** The command tag (e.g. {@code "SELECT 10000000"}) once every row has been read; null before. */
    public String commandTag() {
        return commandTag;
    }

    /** Drops the rows not read yet (the server stops producing them) and frees the connection. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            batch = null;
            String tag = batches.close();
            commandTag = ended ? tag : null;
        }
    }
}
