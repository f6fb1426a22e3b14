package io.spool.bench.pg;

/**
 * The driver workloads, after the TechEmpower tests where they exist: one point select, 20 point selects per
 * request, a 1,000-row fetch of mixed types, a 5-parameter insert, the point select under 256 clients, and a
 * 100-row batch insert (JDBC contenders).
 */
public enum Workload {
    SINGLE("single query", 64),
    MULTI("20 queries / request", 64),
    FETCH("fetch 1000 mixed rows", 16),
    INSERT("insert, 5 params", 64),
    SINGLE_256("single, 256 clients", 256),
    BATCH_INSERT("batch insert, 100 rows", 16);

    /** Rows per request of {@link #BATCH_INSERT}. */
    public static final int BATCH_ROWS = 100;

    public static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = $1";
    public static final String SELECT_MIXED = "SELECT id, big, label, amount, at, flag, ref, ratio FROM mixed ORDER BY id";
    public static final String INSERT_EVENT = "INSERT INTO event (a, b, c, d, e) VALUES ($1, $2, $3, $4, $5)";

    private final String title;
    private final int clients;

    Workload(String title, int clients) {
        this.title = title;
        this.clients = clients;
    }

    public String title() {
        return title;
    }

    /** Concurrent clients issuing requests back to back. */
    public int clients() {
        return clients;
    }

    /** The JDBC form of a statement ({@code ?} placeholders). */
    public static String jdbc(String sql) {
        return sql.replaceAll("\\$\\d+", "?");
    }
}
