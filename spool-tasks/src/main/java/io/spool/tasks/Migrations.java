package io.spool.tasks;

import io.spool.pg.Row;
import io.spool.pg.SqlClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the versioned SQL migrations ({@code migrations/V<n>__<name>.sql} resources, {@code ${schema}}
 * replaced) that the schema lacks, each once, recorded in {@code <schema>.migrations}. Everything runs in one
 * transaction under a transaction-scoped advisory lock, so processes starting together apply each version once
 * and a failed migration leaves nothing half-done.
 */
final class Migrations {
    /** In order; a new version is appended here and as a resource file. */
    static final List<String> FILES = List.of("V1__init.sql", "V2__hot_paths.sql", "V3__safer_cancel_and_limits.sql",
            "V4__strict_release_and_claim_limit.sql", "V5__claim_by_name_and_db_time.sql",
            "V6__paused_queues_and_pickup_wait.sql", "V7__heartbeat_sees_a_cancel.sql");

    private static final String MIGRATIONS_TABLE = "CREATE TABLE IF NOT EXISTS ${schema}.migrations (version int "
            + "PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())";

    private Migrations() {}

    /** Brings {@code schema} up to date; returns the versions applied now (empty when it already was). */
    static List<Integer> apply(SqlClient db, String schema) {
        return db.inTransaction(tx -> {
            tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", "spool_tasks.migrate:" + schema);
            tx.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            tx.execute(MIGRATIONS_TABLE.replace("${schema}", schema));
            Set<Integer> applied = new HashSet<>();
            for (Row r : tx.query("SELECT version FROM " + schema + ".migrations")) {
                applied.add(r.getInteger(0));
            }
            List<Integer> now = new java.util.ArrayList<>();
            for (String file : FILES) {
                int version = version(file);
                if (applied.contains(version)) {
                    continue;
                }
                tx.execute(load(file).replace("${schema}", schema));
                tx.execute("INSERT INTO " + schema + ".migrations (version, name) VALUES ($1, $2)", version, file);
                now.add(version);
            }
            return List.copyOf(now);
        });
    }

    /**
     * Migration {@code file} for {@code schema} as one plain SQL statement that psql (or any client) can run: it
     * takes the lock {@link #apply} takes, creates the schema and its migrations table if missing, and applies
     * the version unless it is recorded, recording it. So databases migrated here and by {@link #apply} stay
     * interchangeable. The files under {@code spool-tasks/sql/migrations} are these, for {@code spool_tasks}.
     */
    static String plainSql(String file, String schema) {
        int version = version(file);
        String body = load(file).replace("${schema}", schema);
        if (body.contains("$spool_body$")) {
            throw new IllegalStateException(file + " must not contain the quote tag $spool_body$");
        }
        return "-- spool-tasks migration " + version + " (" + file + ") for schema " + schema + ", generated from\n"
                + "-- spool-tasks/src/main/resources/io/spool/tasks/migrations: do not edit. Apply the files in order:\n"
                + "--   psql -v ON_ERROR_STOP=1 -f " + file + "\n"
                + "-- A version already recorded in " + schema + ".migrations is skipped.\n"
                + "DO $spool_migration$\n"
                + "BEGIN\n"
                + "    PERFORM pg_advisory_xact_lock(hashtext('spool_tasks.migrate:" + schema + "'));\n"
                + "    CREATE SCHEMA IF NOT EXISTS " + schema + ";\n"
                + "    " + MIGRATIONS_TABLE.replace("${schema}", schema) + ";\n"
                + "    IF EXISTS (SELECT 1 FROM " + schema + ".migrations WHERE version = " + version + ") THEN\n"
                + "        RAISE NOTICE '" + schema + ": version " + version + " is already applied';\n"
                + "        RETURN;\n"
                + "    END IF;\n"
                + "    EXECUTE $spool_body$\n" + body.strip() + "\n$spool_body$;\n"
                + "    INSERT INTO " + schema + ".migrations (version, name) VALUES (" + version + ", '" + file + "');\n"
                + "END $spool_migration$;\n";
    }

    /** The newest version this code knows. */
    static int latestVersion() {
        return version(FILES.get(FILES.size() - 1));
    }

    static int version(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }

    /** The text of migration {@code file}, with {@code ${schema}} still in it. */
    static String load(String file) {
        String path = "migrations/" + file;
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration resource io/spool/tasks/" + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + path, e);
        }
    }
}
