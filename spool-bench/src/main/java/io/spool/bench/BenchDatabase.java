package io.spool.bench;

import io.spool.embedded.LocalPostgres;

/**
 * The PostgreSQL a benchmark runs against: the server of {@code SPOOL_BENCH_DATABASE_URL} when it is set, else an
 * embedded one started here and stopped by {@link #close}.
 */
public final class BenchDatabase implements AutoCloseable {
    private final String url;
    private final LocalPostgres embedded;

    private BenchDatabase(String url, LocalPostgres embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    public static BenchDatabase open() {
        String given = System.getenv("SPOOL_BENCH_DATABASE_URL");
        if (given != null) {
            return new BenchDatabase(given, null);
        }
        LocalPostgres started = LocalPostgres.start();
        return new BenchDatabase(started.url(), started);
    }

    public String url() {
        return url;
    }

    /** True when this process started the server (so its processes can be measured). */
    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
