package io.spool.bench.stack;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.spool.pg.PgConfig;
import io.spool.pg.Row;
import io.spool.pg.RowSet;
import io.spool.pg.netty.PgNettyPool;
import io.spool.web.WebApp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * spool-pg's Netty transport from a handler on a virtual thread: a {@link PgNettyPool} of pipelined connections on
 * the same event loops as the web server's connections (spool-web's {@link WebApp#newEventLoops}, one per core, as
 * Vert.x has them), so an answer from the database wakes no other thread, and preferring a database connection of the loop that carries the handler; a
 * handler sends all its queries at once on one connection and then waits for
 * them, as Vert.x's TechEmpower entry does.
 */
final class NettyWorldStore implements WorldStore {
    private final EventLoopGroup group;
    private final PgNettyPool pool;

    NettyWorldStore(StackDatabase database) {
        group = WebApp.newEventLoops(Math.max(1, Runtime.getRuntime().availableProcessors()));
        pool = PgNettyPool.connect(PgConfig.parse(database.url()), database.connections(), group).join();
    }

    @Override
    public World world(EventExecutor near, int id) {
        return world(pool.on(near, c -> c.query(SELECT_WORLD, id)).join());
    }

    private static World world(RowSet rows) {
        return world(rows.row(0));
    }

    private static World world(Row row) {
        return new World(row.intValue(0), row.intValue(1));
    }

    /** All {@code count} queries on one connection, written in one flush; the handler wakes once, when all are in. */
    @Override
    public World[] randomWorlds(EventExecutor near, int count) {
        return pool.on(near, connection -> {
            List<CompletableFuture<RowSet>> queries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                queries.add(connection.query(SELECT_WORLD, TechEmpower.randomWorld()));
            }
            return CompletableFuture.allOf(queries.toArray(CompletableFuture[]::new)).thenApply(all -> {
                World[] worlds = new World[count];
                for (int i = 0; i < count; i++) {
                    worlds[i] = world(queries.get(i).join());
                }
                return worlds;
            });
        }).join();
    }

    @Override
    public List<Fortune> fortunes(EventExecutor near) {
        List<Fortune> fortunes = new ArrayList<>();
        for (Row row : pool.on(near, c -> c.query(SELECT_FORTUNES)).join()) {
            fortunes.add(new Fortune(row.intValue(0), row.getString(1)));
        }
        return fortunes;
    }

    @Override
    public List<World> cachedWorlds() {
        List<World> worlds = new ArrayList<>(TechEmpower.WORLD_ROWS);
        for (Row row : pool.query(WorldCache.SELECT_CACHED_WORLDS).join()) {
            worlds.add(world(row));
        }
        return worlds;
    }

    @Override
    public void update(EventExecutor near, World[] worlds) {
        pool.on(near, c -> c.batch(UPDATE_WORLD, WorldStore.updateParameters(worlds))).join();
    }

    @Override
    public Optional<EventLoopGroup> eventLoops() {
        return Optional.of(group);
    }

    @Override
    public void close() {
        pool.close();
        group.shutdownGracefully();
    }
}
