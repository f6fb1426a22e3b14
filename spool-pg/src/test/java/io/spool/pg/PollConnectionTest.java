package io.spool.pg;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.io.Poll;
import io.spool.io.Pollable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The poll API driven by a plain {@link Selector} loop written here, with no Spool runtime: what to wait for
 * is always the answer of the last poll().
 */
@ExtendWith(PostgresExtension.class)
class PollConnectionTest {
    private final TestDatabase db;

    PollConnectionTest(TestDatabase db) {
        this.db = db;
    }

    /** Drives all pollables to completion on this thread with one selector; returns results in order. */
    static List<Object> driveAll(List<? extends Pollable<?>> pollables) throws IOException {
        Object[] results = new Object[pollables.size()];
        boolean[] done = new boolean[pollables.size()];
        int remaining = pollables.size();
        try (Selector selector = Selector.open()) {
            while (remaining > 0) {
                for (SelectionKey k : selector.keys()) {
                    if (k.isValid()) {
                        k.interestOps(0);
                    }
                }
                for (int i = 0; i < pollables.size(); i++) {
                    if (done[i]) {
                        continue;
                    }
                    Poll<?> p = pollables.get(i).poll();
                    if (p instanceof Poll.Ready<?> r) {
                        results[i] = r.value();
                        done[i] = true;
                        remaining--;
                    } else if (p instanceof Poll.Pending<?> pending) {
                        SocketChannel ch = (SocketChannel) pending.channel();
                        int ops = pending.interest().selectionOps();
                        if (ops == SelectionKey.OP_WRITE && ch.isConnectionPending()) {
                            ops = SelectionKey.OP_CONNECT;
                        }
                        SelectionKey key = ch.keyFor(selector);
                        if (key == null) {
                            ch.register(selector, ops);
                        } else {
                            key.interestOps(key.interestOps() | ops);
                        }
                    }
                }
                if (remaining > 0) {
                    selector.select(1000);
                    selector.selectedKeys().clear();
                }
            }
        }
        return List.of(results);
    }

    static Pollable<PgPollConnection> connecting(PgPollConnection c) {
        return c::poll;
    }

    @Test
    void connectsAndQueriesThroughAHandWrittenSelectorLoop() throws IOException {
        PgPollConnection conn = PgPollConnection.start(PgConfig.parse(db.url()));
        assertThat(conn.channel().isBlocking()).isFalse();
        driveAll(List.of(connecting(conn)));
        assertThat(conn.engine().processId()).isPositive();

        List<Pollable<RowSet>> queries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            queries.add(conn.startQuery("SELECT $1::int4 * 3 AS v", i));
        }
        List<Object> results = driveAll(queries);
        for (int i = 0; i < 50; i++) {
            assertThat(((RowSet) results.get(i)).row(0).getInteger(0)).isEqualTo(3 * i);
        }
        conn.close();
        assertThat(conn.isUsable()).isFalse();
    }

    @Test
    void tenConnectionsInterleaveOnOneThread() throws IOException {
        List<PgPollConnection> conns = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            conns.add(PgPollConnection.start(PgConfig.parse(db.url())));
        }
        List<Pollable<?>> connecting = new ArrayList<>();
        conns.forEach(c -> connecting.add(connecting(c)));
        driveAll(connecting);
        List<Pollable<RowSet>> queries = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            queries.add(conns.get(i % 10).startQuery("SELECT pg_backend_pid() AS pid, $1::int4 AS i", i));
        }
        long start = System.nanoTime();
        List<Object> results = driveAll(queries);
        for (int i = 0; i < 100; i++) {
            assertThat(((RowSet) results.get(i)).row(0).getInteger("i")).isEqualTo(i);
            assertThat(((RowSet) results.get(i)).row(0).getInteger("pid")).isEqualTo(conns.get(i % 10).engine().processId());
        }
        System.out.printf("100 queries over 10 poll connections on one thread: %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        conns.forEach(PgPollConnection::close);
    }

    @Test
    void queryErrorIsThrownByPollAndTheConnectionGoesOn() throws IOException {
        PgPollConnection conn = PgPollConnection.start(PgConfig.parse(db.url()));
        driveAll(List.of(connecting(conn)));
        Pollable<RowSet> bad = conn.startQuery("SELECT 1 / $1::int4", 0);
        Pollable<RowSet> good = conn.startQuery("SELECT 2 AS two");
        assertThatThrownBy(() -> driveAll(List.<Pollable<?>>of(bad)))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("22012"));
        assertThat(((RowSet) driveAll(List.<Pollable<?>>of(good)).get(0)).row(0).getInteger(0)).isEqualTo(2);
        conn.close();
    }

    @Test
    void refusedConnectFailsInPoll() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PgPollConnection conn = PgPollConnection.start(PgConfig.parse("postgresql://u@127.0.0.1:" + port + "/d"));
        assertThatThrownBy(() -> driveAll(List.of(connecting(conn))))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).startsWith("08"));
    }
}
