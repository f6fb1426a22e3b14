package io.spool.bench.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * TechEmpower's {@code world}, {@code cachedworld} and {@code fortune} tables, as its
 * {@code toolset/databases/postgres/create-postgres.sql} defines them (BSD-3, see NOTICE): dropped and created afresh
 * on each {@link #load}, so loading twice leaves the same tables, with 10,000 rows of random numbers from 1 to 10,000
 * in each world table (the cached-queries test reads {@code cachedworld}, which no test updates) and the spec's
 * twelve fortunes. Set-up goes through pgjdbc, which every contender's measurements leave alone; {@link #worlds} and
 * {@link #cachedWorlds} read the tables back for checks.
 */
public final class TechEmpowerData {
    /** The twelve rows of the spec's {@code fortune} table, in id order. */
    public static final List<Fortune> FORTUNES = List.of(
            new Fortune(1, "fortune: No such file or directory"),
            new Fortune(2, "A computer scientist is someone who fixes things that aren't broken."),
            new Fortune(3, "After enough decimal places, nobody gives a damn."),
            new Fortune(4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"),
            new Fortune(5, "A computer program does what you tell it to do, not what you want it to do."),
            new Fortune(6, "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen"),
            new Fortune(7, "Any program that runs right is obsolete."),
            new Fortune(8, "A list is only as strong as its weakest link. — Donald Knuth"),
            new Fortune(9, "Feature: A bug with seniority."),
            new Fortune(10, "Computers make very fast, very accurate mistakes."),
            new Fortune(11, "<script>alert(\"This should not be displayed in a browser alert box.\");</script>"),
            new Fortune(12, "フレームワークのベンチマーク"));

    /** The tables of world rows: the one the database tests read and update, the one the cache is filled from. */
    private static final List<String> WORLD_TABLES = List.of("world", "cachedworld");

    private TechEmpowerData() {}

    /** Drops and creates both tables on {@code database} and fills them; analyzed, so plans are stable from the start. */
    public static void load(StackDatabase database) {
        try (Connection c = connect(database)) {
            load(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not load TechEmpower's tables into " + database.jdbcUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #load(StackDatabase)}, on an open connection (left in autocommit). */
    public static void load(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS fortune");
            for (String table : WORLD_TABLES) {
                s.execute("DROP TABLE IF EXISTS " + table);
                s.execute("CREATE TABLE " + table + " (id integer NOT NULL, randomnumber integer NOT NULL DEFAULT 0,"
                        + " PRIMARY KEY (id))");
                // the spec's own fill: one uniformly random number per row, computed by the server
                s.execute("INSERT INTO " + table + " (id, randomnumber) SELECT x.id, least(floor(random() * "
                        + TechEmpower.WORLD_ROWS + " + 1), " + TechEmpower.WORLD_ROWS
                        + ") FROM generate_series(1, " + TechEmpower.WORLD_ROWS + ") AS x(id)");
            }
            s.execute("CREATE TABLE fortune (id integer NOT NULL, message varchar(2048) NOT NULL, PRIMARY KEY (id))");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO fortune (id, message) VALUES (?, ?)")) {
            for (Fortune f : FORTUNES) {
                insert.setInt(1, f.id());
                insert.setString(2, f.message());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String table : WORLD_TABLES) {
                s.execute("VACUUM ANALYZE " + table);
            }
            s.execute("VACUUM ANALYZE fortune");
        }
    }

    /** The world table as it is now: index {@code id} holds that row's random number (index 0 unused). */
    public static int[] worlds(StackDatabase database) {
        return numbers(database, "world");
    }

    /** The cachedworld table, as {@link #worlds} gives the world table. */
    public static int[] cachedWorlds(StackDatabase database) {
        return numbers(database, "cachedworld");
    }

    private static int[] numbers(StackDatabase database, String table) {
        try (Connection c = connect(database);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT id, randomnumber FROM " + table)) {
            int[] numbers = new int[TechEmpower.WORLD_ROWS + 1];
            while (rows.next()) {
                numbers[rows.getInt(1)] = rows.getInt(2);
            }
            return numbers;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the " + table + " table of " + database.jdbcUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    /** A plain pgjdbc connection (no pool: set-up and checks only). */
    static Connection connect(StackDatabase database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        if (database.password() != null) {
            properties.setProperty("password", database.password());
        }
        properties.setProperty("sslmode", "disable");
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }
}
