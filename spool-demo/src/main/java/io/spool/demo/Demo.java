package io.spool.demo;

import io.spool.embedded.LocalPostgres;
import io.spool.pg.Column;
import io.spool.pg.PgConnection;
import io.spool.pg.PgException;
import io.spool.pg.RowSet;

import java.util.List;

/**
 * Spool's main program until the captioning service lands: connects spool-pg to PostgreSQL (the one named by
 * {@code --database-url} or {@code SPOOL_DATABASE_URL}, else an embedded server it starts) and runs the SQL
 * given on the command line, printing each result as a table.
 */
public final class Demo {
    private Demo() {}

    public static void main(String[] args) {
        String url = System.getenv("SPOOL_DATABASE_URL");
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--database-url") && i + 1 < args.length) {
                url = args[++i];
            } else if (args[i].startsWith("--database-url=")) {
                url = args[i].substring("--database-url=".length());
            } else if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println("usage: ./spool run [--database-url URL] [SQL]");
                return;
            } else {
                sql.append(sql.isEmpty() ? "" : " ").append(args[i]);
            }
        }
        if (sql.isEmpty()) {
            sql.append("SELECT version() AS server, current_user AS \"user\", now() AS at");
        }
        LocalPostgres embedded = null;
        if (url == null || url.isBlank()) {
            System.err.println("starting an embedded PostgreSQL ...");
            embedded = LocalPostgres.start();
            url = embedded.url();
        }
        int status = 0;
        try (PgConnection conn = PgConnection.connect(url)) {
            for (RowSet rows : conn.simpleQuery(sql.toString())) {
                print(rows);
            }
        } catch (PgException e) {
            System.err.println(e.getMessage());
            status = 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        System.exit(status);
    }

    private static void print(RowSet rows) {
        List<Column> columns = rows.columns();
        if (columns.isEmpty()) {
            System.out.println(rows.commandTag());
            return;
        }
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).name().length();
            for (int r = 0; r < rows.size(); r++) {
                widths[c] = Math.max(widths[c], cell(rows, r, c).length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            line.append(c == 0 ? "" : " | ").append(pad(columns.get(c).name(), widths[c]));
        }
        System.out.println(line);
        System.out.println("-".repeat(line.length()));
        for (int r = 0; r < rows.size(); r++) {
            line.setLength(0);
            for (int c = 0; c < widths.length; c++) {
                line.append(c == 0 ? "" : " | ").append(pad(cell(rows, r, c), widths[c]));
            }
            System.out.println(line);
        }
        System.out.println("(" + rows.size() + " row" + (rows.size() == 1 ? ")" : "s)"));
    }

    private static String cell(RowSet rows, int r, int c) {
        return rows.row(r).isNull(c) ? "NULL" : rows.row(r).getString(c);
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
