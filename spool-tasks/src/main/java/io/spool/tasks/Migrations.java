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
            "V4__strict_release_and_claim_limit.sql", "V5__claim_by_name_and_db_time.sql");

    private Migrations() {}

    /** Brings {@code schema} up to date; returns the versions applied now (empty when it already was). */
    static List<Integer> apply(SqlClient db, String schema) {
        return db.inTransaction(tx -> {
            tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", "spool_tasks.migrate:" + schema);
            tx.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            tx.execute("CREATE TABLE IF NOT EXISTS " + schema + ".migrations (version int PRIMARY KEY, "
                    + "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
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
