package io.spool.memes.templates;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.memes.assets.Asset;
import io.spool.memes.model.NotFoundException;
import io.spool.memes.model.TemplateInfo;
import io.spool.pg.Notification;
import io.spool.pg.PgConnection;
import io.spool.pg.PgPool;
import io.spool.pg.Row;
import io.spool.pg.RowSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The uploaded templates, in PostgreSQL (schema {@code spool_memes_templates}), shared by every process on the
 * database. Each process keeps the catalogue's metadata in memory (names, versions, sizes, boxes; not the
 * pictures) and reloads it when a row changes: a trigger sends {@code NOTIFY spool_memes_templates}, which a
 * listening connection of each process receives, and the reload also runs every {@link #POLL} in case a
 * notification was lost with a connection. Every write takes a new {@code version} from a sequence; the renderer
 * keys its decoded pictures by name and version, so a changed template is decoded afresh and the old one ages out.
 * A picture's bytes are read from the database only when it is decoded or served.
 */
public final class DatabaseTemplates implements TemplateSource, AutoCloseable {
    /** The fallback reload interval. */
    static final Duration POLL = Duration.ofSeconds(5);
    private static final String T = TemplateSchema.SCHEMA + ".templates";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger("io.spool.memes.templates");

    /** What one row says, without its picture. */
    public record Stored(String name, String mediaType, int width, int height, int frames, long version,
                         TemplateInfo info) {
    }

    private final String url;
    private final PgPool pool;
    private final Thread listener;
    private volatile Map<String, Stored> index = Map.of();
    private volatile boolean closed;
    private final java.util.concurrent.locks.ReentrantLock reloading = new java.util.concurrent.locks.ReentrantLock();

    private final Duration poll;

    private DatabaseTemplates(String url, Duration poll) {
        this.url = url;
        this.poll = poll;
        this.pool = PgPool.create(url, 4);
        try {
            TemplateSchema.migrate(pool);
            reload();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        this.listener = Thread.ofPlatform().daemon().name("templates-listen").start(this::listen);
    }

    /** Connects, creates or updates the schema, loads the catalogue and starts listening for changes. */
    public static DatabaseTemplates start(String databaseUrl) {
        return start(databaseUrl, POLL);
    }

    /** As {@link #start(String)}, reloading every {@code poll} when no notification comes. */
    public static DatabaseTemplates start(String databaseUrl, Duration poll) {
        return new DatabaseTemplates(databaseUrl, poll);
    }

    @Override
    public Optional<TemplateEntry> find(String name) {
        return Optional.ofNullable(index.get(name)).map(this::entry);
    }

    @Override
    public List<TemplateEntry> all() {
        return index.values().stream().map(this::entry).toList();
    }

    /** The stored row's description (size, frames) of {@code name}, if the database has it. */
    public Optional<Stored> stored(String name) {
        return Optional.ofNullable(index.get(name));
    }

    /** Inserts or replaces {@code name}; with {@code create} only inserts (false when the name is taken). */
    public boolean put(Stored row, byte[] image, boolean create) {
        String config;
        try {
            config = JSON.writeValueAsString(MemegenConfig.toTree(row.info()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long changed = pool.execute("INSERT INTO " + T + " (name, image, media_type, width, height, frames, config, version) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, nextval('" + TemplateSchema.SCHEMA + ".versions')) "
                + (create ? "ON CONFLICT (name) DO NOTHING"
                : "ON CONFLICT (name) DO UPDATE SET image = EXCLUDED.image, media_type = EXCLUDED.media_type, "
                + "width = EXCLUDED.width, height = EXCLUDED.height, frames = EXCLUDED.frames, config = EXCLUDED.config, "
                + "version = EXCLUDED.version, updated_at = now()"),
                row.name(), image, row.mediaType(), row.width(), row.height(), row.frames(), config);
        reload();
        return changed > 0;
    }

    /** Deletes {@code name}; false when the database has no such template. */
    public boolean delete(String name) {
        long deleted = pool.execute("DELETE FROM " + T + " WHERE name = $1", name);
        reload();
        return deleted > 0;
    }

    private TemplateEntry entry(Stored s) {
        Asset image = new Asset(s.name(), "db-" + s.version(), () -> {
            RowSet rows = pool.query("SELECT image FROM " + T + " WHERE name = $1 AND version = $2", s.name(), s.version());
            if (rows.isEmpty()) {
                throw new NotFoundException("no template called \"" + s.name() + "\" (it was changed or deleted)");
            }
            return rows.first().getBytes(0);
        });
        return new TemplateEntry(s.name(), image, Map.of(), s.info(), "database");
    }

    /** Reads every row's metadata into a new index. */
    void reload() {
        reloading.lock();   // one reload at a time, so an older snapshot never replaces a newer one
        try {
            index = read();
        } finally {
            reloading.unlock();
        }
    }

    private Map<String, Stored> read() {
        Map<String, Stored> fresh = new HashMap<>();
        for (Row r : pool.query("SELECT name, media_type, width, height, frames, version, config::text FROM " + T)) {
            String name = r.getString(0);
            TemplateInfo info;
            try {
                info = MemegenConfig.fromTree(JSON.readTree(r.getString(6)), name);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "template " + name + " in the database is unreadable: " + e);
                continue;
            }
            fresh.put(name, new Stored(name, r.getString(1), r.getInteger(2), r.getInteger(3), r.getInteger(4),
                    r.getLong(5), info));
        }
        return Map.copyOf(fresh);
    }

    /** LISTENs for changes and reloads on each (and every {@code poll}); reconnects after a lost connection. */
    private void listen() {
        while (!closed) {
            try (PgConnection conn = PgConnection.connect(url)) {
                conn.execute("LISTEN spool_memes_templates");
                reload();   // whatever changed while not listening
                while (!closed) {
                    Notification n = conn.waitForNotification(poll);
                    if (!closed) {
                        reload();
                    }
                    if (n == null) {
                        conn.query("SELECT 1");   // notices a dead connection, then the loop reconnects
                    }
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "template change listener: " + e.getMessage()
                            + "; reconnecting in 1 s");
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        listener.interrupt();
        pool.close();
    }
}
