package io.spool.bench.stack;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a spool contender reads and writes TechEmpower's tables, so that one set of spool-web routes
 * ({@link SpoolStack}) runs over spool-pg's blocking pool or its Netty transport.
 */
interface WorldStore extends AutoCloseable {
    String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = $1";
    String UPDATE_WORLD = "UPDATE world SET randomnumber = $2 WHERE id = $1";
    String SELECT_FORTUNES = "SELECT id, message FROM fortune";

    // near: the event loop of the request's connection, which carries its handler (null where there is none); a
    // store on Netty prefers a database connection of that loop

    /** The row of {@code id}. */
    World world(EventExecutor near, int id);

    /** {@code count} random rows, each read by a query of its own. */
    World[] randomWorlds(EventExecutor near, int count);

    List<Fortune> fortunes(EventExecutor near);

    /** Every row of {@code cachedworld}, to fill the cached-queries test's cache once. */
    List<World> cachedWorlds();

    /** Writes the rows' random numbers in one batch (one round trip). */
    void update(EventExecutor near, World[] worlds);

    /** Event loops the web server should run its connections on (its own when empty). */
    default Optional<EventLoopGroup> eventLoops() {
        return Optional.empty();
    }

    @Override
    void close();

    /** The parameter sets of {@link #UPDATE_WORLD} for {@code worlds}, in id order: two batches never deadlock. */
    static List<Object[]> updateParameters(World[] worlds) {
        return Arrays.stream(worlds).sorted(Comparator.comparingInt(World::id))
                .map(w -> new Object[]{w.id(), w.randomNumber()}).toList();
    }
}
