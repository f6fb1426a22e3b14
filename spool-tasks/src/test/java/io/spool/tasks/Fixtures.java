package io.spool.tasks;

import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgConnection;

import io.spool.pg.RowSet;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Test helpers: a fresh schema per test, and waiting for a condition with a deadline. */
final class Fixtures {
    private Fixtures() {}

    /** Drops {@code schema} so the test starts from nothing (tests may run against a shared server). */
    /** The first column of the first row of the last result of {@code sql} (a simple query), or null. */
    static String one(PgConnection c, String sql) {
        List<RowSet> sets = c.simpleQuery(sql);
        RowSet last = sets.get(sets.size() - 1);
        return last.isEmpty() ? null : last.row(0).getString(0);
    }

    static void dropSchema(String url, String schema) {
        try (PgConnection c = PgConnection.connect(url)) {
            c.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    /** A config on a fresh schema: fast polling and tiny retry backoff so tests do not wait. */
    static TaskConfig config(TestDatabase db, String schema) {
        dropSchema(db.url(), schema);
        return TaskConfig.of(db.url()).withSchema(schema).withPollInterval(Duration.ofMillis(200))
                .withDefaultBackoff(RetryBackoff.fixed(Duration.ofMillis(10)))
                .withRetention(Retention.keepAll());
    }

    static Application app(TestDatabase db, String schema) {
        return Application.create(config(db, schema));
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    static void eventually(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
