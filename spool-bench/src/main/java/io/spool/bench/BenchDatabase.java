package io.spool.bench;

import io.spool.embedded.LocalPostgres;
import io.spool.pg.PgConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * The embedded server's postmaster (whose children are the backends), so its CPU can be read from
     * {@code /proc}; 0 for a server this process did not start.
     */
    public long postmasterPid() {
        if (embedded == null) {
            return 0;
        }
        try (PgConnection c = PgConnection.connect(url)) {
            return postmasterPid(c.query("SHOW data_directory").row(0).getString(0));
        }
    }

    /** The postmaster's pid from {@code postmaster.pid} in the data directory, or 0. */
    public static long postmasterPid(String dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
