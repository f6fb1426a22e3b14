package io.spool.pg;

import io.spool.io.Poll;
import io.spool.io.Pollable;
import io.spool.pg.net.HostSelection;

import java.io.IOException;
import java.util.List;

/**
 * Drives the shared {@link HostSelection} policy without blocking, for {@link PgPollConnection#connect(PgConfig)}:
 * each poll advances the current attempt (connect, then ask what the server is), and a server that cannot be
 * reached or does not suit is closed and the next one started.
 */
final class PollHostSelection {
    private PollHostSelection() {}

    static Pollable<PgPollConnection> connect(PgConfig config) {
        if (HostSelection.single(config)) {
            return PgPollConnection.startOne(config)::poll;   // its own failure, as the other transports report it
        }
        HostSelection s = new HostSelection(config);
        return new Pollable<>() {
            private PgPollConnection connecting;
            private Pollable<List<RowSet>> asking;

            @Override
            public Poll<PgPollConnection> poll() throws IOException {
                while (true) {
                    if (connecting == null) {
                        PgConfig one = s.next();
                        if (one == null) {
                            throw s.noneSuited();
                        }
                        try {
                            connecting = PgPollConnection.startOne(one);
                        } catch (PgException failed) {
                            s.failed(failed);
                            continue;
                        }
                    }
                    try {
                        Poll<?> step = asking == null ? connecting.poll() : asking.poll();
                        if (step instanceof Poll.Pending<?> pending) {
                            return new Poll.Pending<>(pending.interest(), pending.channel(), pending.deadlineNanos());
                        }
                        if (asking == null && s.question() != null) {
                            asking = connecting.startSimpleQuery(s.question());
                            continue;
                        }
                        if (asking == null || s.suits(answer(step))) {
                            return Poll.ready(connecting);
                        }
                    } catch (PgException failed) {
                        s.failed(failed);
                    }
                    connecting.close();
                    connecting = null;
                    asking = null;
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static String answer(Poll<?> ready) {
        List<RowSet> results = ((Poll.Ready<List<RowSet>>) ready).value();
        return results.get(0).row(0).getString(0);
    }
}
