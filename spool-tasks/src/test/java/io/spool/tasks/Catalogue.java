package io.spool.tasks;

import io.spool.pg.Row;
import io.spool.pg.SqlClient;

import java.util.ArrayList;
import java.util.List;

/**
 * What a schema holds, as sorted lines with the schema's name replaced by {@code S}: tables with their columns in
 * order (type, not null, default) and storage options, constraints, indexes, sequences and what owns them, views,
 * functions (pg_get_functiondef: signature, body, language, settings), and the rows of settings and migrations.
 * Two schemas built different ways hold the same thing when their catalogues are equal.
 */
final class Catalogue {
    private Catalogue() {}

    static List<String> of(SqlClient db, String schema) {
        List<String> lines = new ArrayList<>();
        String ns = "(SELECT oid FROM pg_namespace WHERE nspname = $1)";
        add(lines, db, schema, "SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' ' || coalesce(array_to_string("
                + "c.reloptions, ','), '') FROM pg_class c WHERE c.relnamespace = " + ns);
        add(lines, db, schema, "SELECT 'columns ' || c.relname || ' ' || string_agg(a.attname || ' ' || format_type("
                + "a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END || coalesce(' default '"
                + " || pg_get_expr(d.adbin, d.adrelid), ''), ', ' ORDER BY a.attnum) FROM pg_class c JOIN pg_attribute a "
                + "ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped LEFT JOIN pg_attrdef d ON "
                + "d.adrelid = c.oid AND d.adnum = a.attnum WHERE c.relnamespace = " + ns + " AND c.relkind IN ('r', 'v') "
                + "GROUP BY c.relname");
        add(lines, db, schema, "SELECT 'constraint ' || c.conrelid::regclass || ' ' || c.conname || ' ' || "
                + "pg_get_constraintdef(c.oid) FROM pg_constraint c WHERE c.connamespace = " + ns);
        add(lines, db, schema, "SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON "
                + "c.oid = i.indexrelid WHERE c.relnamespace = " + ns);
        add(lines, db, schema, "SELECT 'sequence ' || c.relname || ' ' || format_type(s.seqtypid, NULL) || ' ' || "
                + "s.seqstart || ' ' || s.seqincrement || ' ' || s.seqmin || ' ' || s.seqmax || ' ' || s.seqcache || ' ' "
                + "|| s.seqcycle || coalesce((SELECT ' owned by ' || d.refobjid::regclass || '.' || a.attname FROM "
                + "pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid WHERE "
                + "d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a'), '') FROM pg_sequence s "
                + "JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relnamespace = " + ns);
        add(lines, db, schema, "SELECT 'view ' || c.relname || ' ' || pg_get_viewdef(c.oid) FROM pg_class c WHERE "
                + "c.relnamespace = " + ns + " AND c.relkind = 'v'");
        add(lines, db, schema, "SELECT 'function ' || pg_get_functiondef(p.oid) FROM pg_proc p WHERE p.pronamespace = " + ns);
        for (Row r : db.query("SELECT name, value FROM " + schema + ".settings ORDER BY name")) {
            lines.add("setting " + r.getString(0) + " = " + r.getString(1));
        }
        for (Row r : db.query("SELECT version, name FROM " + schema + ".migrations ORDER BY version")) {
            lines.add("migration " + r.getInteger(0) + " " + r.getString(1));
        }
        lines.sort(null);
        return lines;
    }

    private static void add(List<String> lines, SqlClient db, String schema, String sql) {
        for (Row r : db.query(sql, schema)) {
            lines.add(r.getString(0).replace(schema, "S"));
        }
    }
}
