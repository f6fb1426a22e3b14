package io.spool.pg;

/**
 * Notifications were lost: more arrived while nobody read them than the connection queues
 * ({@code max_queued_notifications}), so the oldest were dropped. Thrown once by the next wait for a
 * notification after a loss; the notifications still queued are returned by the waits after it. SQLSTATE
 * {@code 54000}.
 */
public final class NotificationOverflowException extends PgException {
    private final long dropped;

    public NotificationOverflowException(long dropped, int limit) {
        super(PROGRAM_LIMIT_EXCEEDED, dropped + " notification" + (dropped == 1 ? " was" : "s were")
                + " dropped since the last wait: at most " + limit + " are queued while nobody reads them. Read "
                + "them sooner, raise max_queued_notifications, or receive them with a listener");
        this.dropped = dropped;
    }

    /** Throws if {@code engine} dropped notifications since this was last asked. */
    static void throwIfDropped(io.spool.pg.protocol.PgEngine engine) {
        long dropped = engine.takeUnreportedDrops();
        if (dropped > 0) {
            throw new NotificationOverflowException(dropped, engine.notificationLimit());
        }
    }

    /** How many were dropped since the previous wait. */
    public long dropped() {
        return dropped;
    }
}
