package io.spool.memes.templates;

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
 * The catalogue's schema {@code spool_memes_templates}, brought up to date by versioned migrations
 * ({@code V<n>__<name>.sql} resources beside this class), each applied once and recorded in its
 * {@code migrations} table, in one transaction under an advisory lock so processes starting together are safe.
 */
final class TemplateSchema {
    static final String SCHEMA = "spool_memes_templates";
    private static final List<String> FILES = List.of("V1__templates.sql");

    private TemplateSchema() {
    }

    static void migrate(SqlClient db) {
        db.inTransaction(tx -> {
            tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", "spool_memes.migrate:" + SCHEMA);
            tx.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            tx.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".migrations (version int PRIMARY KEY, "
                    + "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            Set<Integer> applied = new HashSet<>();
            for (Row r : tx.query("SELECT version FROM " + SCHEMA + ".migrations")) {
                applied.add(r.getInteger(0));
            }
            for (String file : FILES) {
                int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
                if (!applied.contains(version)) {
                    tx.execute(load(file));
                    tx.execute("INSERT INTO " + SCHEMA + ".migrations (version, name) VALUES ($1, $2)", version, file);
                }
            }
            return null;
        });
    }

    private static String load(String file) {
        try (InputStream in = TemplateSchema.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("migration missing from the classpath: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
