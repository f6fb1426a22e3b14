package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versioned migrations: applied once, also when several processes start at the same moment. */
@ExtendWith(PostgresExtension.class)
class MigrationsTest {
    private final TestDatabase db;

    MigrationsTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void appliesOnceAndRecordsTheVersion() {
        String schema = "tasks_migrate_once";
        Fixtures.dropSchema(db.url(), schema);
        try (PgPool pool = PgPool.create(db.url(), 4)) {
            assertThat(Migrations.apply(pool, schema)).containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(Migrations.apply(pool, schema)).isEmpty();
            assertThat(pool.query("SELECT version, name FROM " + schema + ".migrations ORDER BY version").row(1)
                    .toString()).contains("version=2").contains("V2__hot_paths.sql");
            assertThat(pool.query("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    + "WHERE n.nspname = $1 AND p.proname IN ('spawn_task', 'claim_task', 'complete_run', 'fail_run', "
                    + "'extend_lease', 'cancel_task')", schema).row(0).getLong(0)).isEqualTo(6);
            assertThat(Migrations.latestVersion()).isEqualTo(7);
            // version 2: the hot functions keep generic plans, and task rows leave room for HOT updates
            assertThat(pool.query("SELECT string_agg(p.proname || ' ' || l.lanname || ' ' || array_to_string("
                    + "p.proconfig, ','), '; ' ORDER BY p.proname) FROM pg_proc p JOIN pg_namespace n ON "
                    + "n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang WHERE n.nspname = $1 AND "
                    + "p.proname IN ('claim_task', 'complete_runs', 'extend_leases')", schema).row(0).getString(0))
                    .isEqualTo("claim_task plpgsql plan_cache_mode=force_generic_plan,enable_seqscan=off; "
                            + "complete_runs plpgsql plan_cache_mode=force_generic_plan,enable_seqscan=off,"
                            + "enable_nestloop=off; "
                            + "extend_leases plpgsql plan_cache_mode=force_generic_plan,enable_seqscan=off");
            assertThat(pool.query("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = $1::regclass",
                    schema + ".tasks").row(0).getString(0)).isEqualTo("fillfactor=50");
        }
    }

    @Test
    void aSchemaAtVersionOneIsUpgradedWithItsTasks() throws Exception {
        String schema = "tasks_migrate_upgrade";
        Fixtures.dropSchema(db.url(), schema);
        try (PgPool pool = PgPool.create(db.url(), 4)) {
            // a database as version 1 left it, with a task waiting
            pool.execute("CREATE SCHEMA " + schema);
            pool.execute("CREATE TABLE " + schema + ".migrations (version int PRIMARY KEY, name text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())");
            pool.execute(Migrations.load("V1__init.sql").replace("${schema}", schema));
            pool.execute("INSERT INTO " + schema + ".migrations (version, name) VALUES (1, 'V1__init.sql')");
            long task = pool.query("SELECT task_id FROM " + schema + ".spawn_task('echo', '\\x07'::bytea)")
                    .row(0).getLong(0);

            try (Application app = Application.create(TaskConfig.of(pool).withSchema(schema))) {
                assertThat(pool.query("SELECT max(version) FROM " + schema + ".migrations").row(0).getInteger(0))
                        .isEqualTo(Migrations.latestVersion());
                app.createWorker("w").register("echo", (ctx, p) -> p).start();
                assertThat(app.awaitResult(task, java.time.Duration.ofSeconds(20)).result()).containsExactly(7);
            }
        }
    }

    @Test
    void anExistingPoolIsBorrowedAndLeftOpen() throws Exception {
        String schema = "tasks_migrate_pool";
        Fixtures.dropSchema(db.url(), schema);
        try (PgPool pool = PgPool.create(db.url(), 5)) {
            try (Application app = Application.create(TaskConfig.of(pool).withSchema(schema))) {
                app.createWorker("w").register("echo", (ctx, p) -> p).start();
                long id = app.spawnTask("echo", new byte[]{7}).taskId();
                assertThat(app.awaitResult(id, java.time.Duration.ofSeconds(20)).result()).containsExactly(7);
                assertThat(app.pool()).isSameAs(pool);
            }
            // closing the application stopped its worker and gave back the LISTEN connection, but not the pool
            assertThat(pool.query("SELECT 1").row(0).getInteger(0)).isEqualTo(1);
            assertThat(pool.inUse()).isZero();
        }
    }

    @Test
    void manyProcessesStartingTogetherApplyEachVersionOnce() throws Exception {
        String schema = "tasks_migrate_race";
        Fixtures.dropSchema(db.url(), schema);
        TaskConfig config = TaskConfig.of(db.url()).withSchema(schema).withPoolSize(2);
        int n = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<Application>> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            starts.add(exec.submit((Callable<Application>) () -> {
                go.await();
                return Application.create(config);
            }));
        }
        go.countDown();
        List<Application> apps = new ArrayList<>();
        for (Future<Application> f : starts) {
            apps.add(f.get());  // none failed
        }
        exec.shutdown();
        try {
            Application app = apps.get(0);
            assertThat(app.pool().query("SELECT count(*) FROM " + schema + ".migrations").row(0).getLong(0))
                    .isEqualTo(Migrations.FILES.size());
            assertThat(app.spawnTask("works", new byte[0]).created()).isTrue();
        } finally {
            apps.forEach(Application::close);
        }
    }

    @Test
    void badConfigurationIsRejected() {
        assertThatThrownBy(() -> TaskConfig.of(db.url()).withSchema("Robert'); DROP TABLE x;--"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema name");
        assertThatThrownBy(() -> TaskConfig.of(db.url()).withQueue("q", 0)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> Application.create(TaskConfig.of("postgresql://nobody@127.0.0.1:1/none")))
                .hasMessageContaining("could not connect");
        try (PgPool tiny = PgPool.create(db.url(), 2)) {
            assertThatThrownBy(() -> Application.create(TaskConfig.of(tiny))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs at least 3");
        }
    }
}
