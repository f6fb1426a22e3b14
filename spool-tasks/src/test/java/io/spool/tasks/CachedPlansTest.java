package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hot functions keep the plans of their first call for the session, and that call usually meets empty
 * tables (the claim with the task names a worker runs, as workers call it). Those plans must still reach rows through index conditions once the tables have grown: counted with
 * the table statistics, a claim and a completion of 10 runs read tens of index entries, not thousands.
 */
@ExtendWith(PostgresExtension.class)
class CachedPlansTest {
    private static final String S = "tasks_cached_plans";
    private final TestDatabase db;

    CachedPlansTest(TestDatabase db) {
        this.db = db;
    }

    /** Rows read from runs and tasks by sequential scans and through indexes, flushed from this session. */
    private static long[] reads(PgConnection c) {
        c.query("SELECT pg_stat_force_next_flush()");
        var row = c.query("SELECT (SELECT sum(seq_scan) FROM pg_stat_user_tables WHERE schemaname = $1 AND "
                + "relname IN ('runs', 'tasks'))::bigint, (SELECT sum(idx_tup_read) FROM pg_stat_user_indexes "
                + "WHERE schemaname = $1 AND relname IN ('runs', 'tasks'))::bigint", S).row(0);
        return new long[]{row.getLong(0), row.getLong(1)};
    }

    private static long[] cycle(PgConnection c, int n) {
        long[] runs = c.query("SELECT coalesce(array_agg(run_id ORDER BY run_id), '{}') FROM " + S
                + ".claim_task('default', 'probe', $1, ARRAY['t'])", n).row(0).get(0, long[].class);
        byte[][] results = new byte[runs.length][];
        java.util.Arrays.fill(results, new byte[0]);
        c.query("SELECT count(*) FROM " + S + ".extend_leases($1, 'probe')", runs);
        c.query("SELECT count(*) FROM " + S + ".complete_runs($1, 'probe', $2)", runs, results);
        return runs;
    }

    @Test
    void plansMadeOnEmptyTablesStayOnTheIndexes() {
        Fixtures.dropSchema(db.url(), S);
        try (Application app = Application.create(TaskConfig.of(db.url()).withSchema(S));
             PgConnection c = PgConnection.connect(db.url())) {
            app.spawnTask("t", new byte[0]);
            assertThat(cycle(c, 10)).hasSize(1);  // this session's plans are made now, on near-empty tables
            for (int i = 0; i < 10; i++) {
                app.spawnTasks(java.util.Collections.nCopies(500, TaskSpec.of("t", new byte[0])));
            }
            long[] before = reads(c);
            assertThat(cycle(c, 10)).hasSize(10);
            long[] after = reads(c);
            assertThat(after[0] - before[0]).as("sequential scans").isZero();
            assertThat(after[1] - before[1]).as("index entries read for 10 runs of 5,001").isLessThan(200);
            // a claim without names (a SQL client's) first finds the names pending in the queue: also a few probes
            c.query("SELECT count(*) FROM " + S + ".claim_task('default', 'probe', 1)");  // its plan, on 5,000 rows
            long[] beforeAny = reads(c);
            assertThat(c.query("SELECT count(*) FROM " + S + ".claim_task('default', 'probe', 10)").row(0).getLong(0))
                    .isEqualTo(10);
            long[] afterAny = reads(c);
            assertThat(afterAny[0] - beforeAny[0]).as("sequential scans, any name").isZero();
            assertThat(afterAny[1] - beforeAny[1]).as("index entries read for 10 runs of any name").isLessThan(200);
            assertThat(app.counts().total()).isEqualTo(5001);
        }
    }
}
