package io.spool.jdbc;

import io.spool.pg.PgPool;
import io.spool.pg.PoolOptions;

/**
 * What the JDBC connections of one data source share in shared mode: a {@link PgPool} whose
 * {@code sharedConnections} pipeline the autocommit statements of every caller, and the
 * {@link DedicatedConnections} lent for transactions and session state.
 */
final class SharedMode implements AutoCloseable {
    final PgPool pool;
    final DedicatedConnections dedicated;

    SharedMode(JdbcUrl url) {
        this.pool = PgPool.create(url.config(), PoolOptions.defaults().withMaxSize(1)
                .withSharedConnections(url.sharedConnections()));
        this.dedicated = new DedicatedConnections(url.config(), url.maxDedicatedConnections());
    }

    @Override
    public void close() {
        pool.close();
        dedicated.close();
    }
}
