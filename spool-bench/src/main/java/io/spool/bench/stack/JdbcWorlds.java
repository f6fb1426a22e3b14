package io.spool.bench.stack;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The database side of the JDBC contenders: pgjdbc behind a HikariCP pool of exactly
 * {@link StackDatabase#connections()} connections, one connection per request, prepared statements (pgjdbc keeps
 * them server-prepared per connection once used a few times). Updates are one JDBC batch of
 * {@code update world set randomnumber=? where id=?} sorted by id, so concurrent requests lock rows in one order
 * and cannot deadlock; in a transaction or in autocommit, as the stack's TechEmpower entry has it.
 */
final class JdbcWorlds implements AutoCloseable {
    private static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = ?";
    private static final String SELECT_FORTUNE = "SELECT id, message FROM fortune";
    private static final String UPDATE_WORLD = "UPDATE world SET randomnumber = ? WHERE id = ?";

    private final HikariDataSource pool;
    private final boolean transactionalUpdates;

    JdbcWorlds(StackDatabase database, boolean transactionalUpdates) {
        this.transactionalUpdates = transactionalUpdates;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl() + "?sslmode=disable");
        config.setUsername(database.user());
        if (database.password() != null) {
            config.setPassword(database.password());
        }
        config.setMaximumPoolSize(database.connections());
        config.setMinimumIdle(database.connections());
        config.setConnectionTimeout(60_000);
        config.setPoolName("stack");
        pool = new HikariDataSource(config);
    }

    /** One random row. */
    World world() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement(SELECT_WORLD)) {
            return read(select, TechEmpower.randomWorld());
        }
    }

    /** {@code count} random rows, read one query after another on one connection. */
    World[] worlds(int count) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement(SELECT_WORLD)) {
            return readRandom(select, count);
        }
    }

    /** Every fortune row. */
    List<Fortune> fortunes() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement(SELECT_FORTUNE);
             ResultSet rows = select.executeQuery()) {
            List<Fortune> fortunes = new ArrayList<>(16);
            while (rows.next()) {
                fortunes.add(new Fortune(rows.getInt(1), rows.getString(2)));
            }
            return fortunes;
        }
    }

    /** The cached-queries test's cache, filled with every row of {@code cachedworld}. */
    WorldCache cache() {
        try (Connection c = pool.getConnection();
             PreparedStatement select = c.prepareStatement(WorldCache.SELECT_CACHED_WORLDS);
             ResultSet rows = select.executeQuery()) {
            List<World> worlds = new ArrayList<>(TechEmpower.WORLD_ROWS);
            while (rows.next()) {
                worlds.add(new World(rows.getInt(1), rows.getInt(2)));
            }
            return new WorldCache(worlds);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read cachedworld: " + e.getMessage(), e);
        }
    }

    /** {@code count} random rows read, each given a new random number, written back in one batch; sorted by id. */
    World[] update(int count) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement(SELECT_WORLD);
             PreparedStatement update = c.prepareStatement(UPDATE_WORLD)) {
            World[] worlds = readRandom(select, count);
            for (int i = 0; i < count; i++) {
                worlds[i] = new World(worlds[i].id(), TechEmpower.randomWorld());
            }
            Arrays.sort(worlds, Comparator.comparingInt(World::id));
            for (World world : worlds) {
                update.setInt(1, world.randomNumber());
                update.setInt(2, world.id());
                update.addBatch();
            }
            if (transactionalUpdates) {
                c.setAutoCommit(false);
                try {
                    update.executeBatch();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            } else {
                update.executeBatch();
            }
            return worlds;
        }
    }

    private static World[] readRandom(PreparedStatement select, int count) throws SQLException {
        World[] worlds = new World[count];
        for (int i = 0; i < count; i++) {
            worlds[i] = read(select, TechEmpower.randomWorld());
        }
        return worlds;
    }

    private static World read(PreparedStatement select, int id) throws SQLException {
        select.setInt(1, id);
        try (ResultSet row = select.executeQuery()) {
            row.next();
            return new World(row.getInt(1), row.getInt(2));
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
