package io.spool.bench.stack;

import io.netty.util.concurrent.EventExecutor;
import io.spool.pg.PgConfig;
import io.spool.pg.PgPool;
import io.spool.pg.PoolOptions;
import io.spool.pg.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * spool-pg's blocking API as a handler on a virtual thread uses it: a {@link PgPool} of shared connections, over
 * which the statements of all handlers are pipelined; a handler's queries run one after the other.
 */
final class BlockingWorldStore implements WorldStore {
    private final PgPool pool;

    BlockingWorldStore(StackDatabase database) {
        pool = PgPool.create(PgConfig.parse(database.url()),
                PoolOptions.defaults().withSharedConnections(database.connections()));
    }

    @Override
    public World world(EventExecutor near, int id) {
        return world(pool.query(SELECT_WORLD, id).row(0));
    }

    private static World world(Row row) {
        return new World(row.intValue(0), row.intValue(1));
    }

    @Override
    public World[] randomWorlds(EventExecutor near, int count) {
        World[] worlds = new World[count];
        for (int i = 0; i < count; i++) {
            worlds[i] = world(near, TechEmpower.randomWorld());
        }
        return worlds;
    }

    @Override
    public List<Fortune> fortunes(EventExecutor near) {
        List<Fortune> fortunes = new ArrayList<>();
        for (Row row : pool.query(SELECT_FORTUNES)) {
            fortunes.add(new Fortune(row.intValue(0), row.getString(1)));
        }
        return fortunes;
    }

    @Override
    public List<World> cachedWorlds() {
        List<World> worlds = new ArrayList<>(TechEmpower.WORLD_ROWS);
        for (Row row : pool.query(WorldCache.SELECT_CACHED_WORLDS)) {
            worlds.add(world(row));
        }
        return worlds;
    }

    @Override
    public void update(EventExecutor near, World[] worlds) {
        pool.batch(UPDATE_WORLD, WorldStore.updateParameters(worlds));
    }

    @Override
    public void close() {
        pool.close();
    }
}
