package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgConnection;
import io.spool.pg.PgPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL a team without Java applies: {@code sql/spool-tasks.sql} (the schema as the migrations leave it) and
 * {@code sql/migrations/V*.sql} (each migration as one plain statement). Both are generated; these tests check
 * they are current, and that applying either gives the catalogue that {@link Migrations#apply} gives. Run with
 * {@code -Dspool.tasks.writeSql=true} to write them after changing a migration.
 */
@ExtendWith(PostgresExtension.class)
class SchemaFileTest {
    private static final Path DIR = Path.of("sql");
    private static final Path SCRIPT = DIR.resolve("spool-tasks.sql");
    private final TestDatabase db;

    SchemaFileTest(TestDatabase db) {
        this.db = db;
    }

    private static boolean writing() {
        return Boolean.getBoolean("spool.tasks.writeSql");
    }

    /** A generated file for {@code spool_tasks}, for schema {@code schema} (the rename the README gives). */
    private static String renamed(Path file, String schema) throws IOException {
        return Files.readString(file).replaceAll("spool_tasks(?!\\.(cleanup|migrate):)", schema);
    }

    private static void check(Path file, String expected) throws IOException {
        if (writing()) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected);
        }
        assertThat(Files.exists(file)).as(file + " exists (write it with -Dspool.tasks.writeSql=true)").isTrue();
        assertThat(Files.readString(file)).as(file + " is current (write it with -Dspool.tasks.writeSql=true)")
                .isEqualTo(expected);
    }

    @Test
    void theGeneratedFilesAreCurrent() throws IOException {
        try (PgPool pool = PgPool.create(db.url(), 3)) {
            check(SCRIPT, SchemaScript.generate(pool));
        }
        for (String file : Migrations.FILES) {
            check(DIR.resolve("migrations").resolve(file), Migrations.plainSql(file, "spool_tasks"));
        }
        try (var files = Files.list(DIR.resolve("migrations"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .as("no file left of a migration that is gone").isEqualTo(Migrations.FILES.stream().sorted().toList());
        }
    }

    @Test
    void theScriptGivesTheCatalogueOfTheMigrationsAndApplicationFindsNothingToDo() throws Exception {
        String migrated = "tasks_file_migrated";
        String scripted = "tasks_file_scripted";
        Fixtures.dropSchema(db.url(), migrated);
        Fixtures.dropSchema(db.url(), scripted);
        try (PgPool pool = PgPool.create(db.url(), 4); PgConnection psql = PgConnection.connect(db.url())) {
            Migrations.apply(pool, migrated);
            psql.simpleQuery(renamed(SCRIPT, scripted));
            List<String> expected = Catalogue.of(pool, migrated);
            assertThat(expected).anyMatch(l -> l.startsWith("function CREATE OR REPLACE FUNCTION S.claim_task("))
                    .anyMatch(l -> l.startsWith("index CREATE INDEX runs_claim_name ON S.runs"))
                    .anyMatch(l -> l.equals("relation tasks r fillfactor=50"))
                    .anyMatch(l -> l.startsWith("view unclaimed"));
            assertThat(Catalogue.of(pool, scripted)).isEqualTo(expected);
            try (Application app = Application.create(TaskConfig.of(pool).withSchema(scripted))) {
                assertThat(Migrations.apply(pool, scripted)).isEmpty();
                app.createWorker("w").register("echo", (ctx, p) -> p).start();
                long id = app.spawnTask("echo", new byte[]{5}).taskId();
                assertThat(app.awaitResult(id, Duration.ofSeconds(20)).result()).containsExactly(5);
            }
        }
    }

    @Test
    void thePlainMigrationsGiveTheSameCatalogueAndApplyOnce() throws Exception {
        String migrated = "tasks_file_migrated";
        String plain = "tasks_file_plain";
        Fixtures.dropSchema(db.url(), migrated);
        Fixtures.dropSchema(db.url(), plain);
        try (PgPool pool = PgPool.create(db.url(), 4); PgConnection psql = PgConnection.connect(db.url())) {
            Migrations.apply(pool, migrated);
            for (int round = 0; round < 2; round++) {   // the second round finds each version applied
                for (String file : Migrations.FILES) {
                    psql.simpleQuery(renamed(DIR.resolve("migrations").resolve(file), plain));
                }
            }
            assertThat(Catalogue.of(pool, plain)).isEqualTo(Catalogue.of(pool, migrated));
            // the plain files and Application take turns: V1..V4 by psql, V5 by Application.create
            Fixtures.dropSchema(db.url(), plain);
            for (String file : Migrations.FILES.subList(0, Migrations.FILES.size() - 1)) {
                psql.simpleQuery(renamed(DIR.resolve("migrations").resolve(file), plain));
            }
            assertThat(Migrations.apply(pool, plain)).containsExactly(Migrations.latestVersion());
            assertThat(Catalogue.of(pool, plain)).isEqualTo(Catalogue.of(pool, migrated));
        }
        assertThat(new String(Files.readAllBytes(DIR.resolve("migrations").resolve(Migrations.FILES.get(0))),
                StandardCharsets.UTF_8)).doesNotContain("${schema}");
    }
}
