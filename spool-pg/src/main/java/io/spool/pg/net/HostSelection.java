package io.spool.pg.net;

import io.spool.pg.PgConfig;
import io.spool.pg.PgException;
import io.spool.pg.TargetSessionAttrs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Picks the server of a multi-host configuration as libpq does: the hosts in order (or shuffled with
 * {@code load_balance_hosts=random}), skipping those that cannot be reached and those that do not suit
 * {@code target_session_attrs}; {@code prefer-standby} makes a second pass taking any server. When none
 * suits, the error names what each host said. The policy is this one object; the blocking and Netty
 * connections drive it through {@link #connect} and {@link #connectAsync}, the poll connection step by step.
 */
public final class HostSelection {
    private final TargetSessionAttrs target;
    private final PgConfig config;
    private final List<PgConfig.Endpoint> endpoints;
    private final List<String> failures = new ArrayList<>();
    /** The next endpoint to try, counted over both passes (the second only for prefer-standby). */
    private int attempt;
    private PgConfig.Endpoint current;

    public HostSelection(PgConfig config) {
        this.config = config;
        this.target = config.targetSessionAttrs();
        List<PgConfig.Endpoint> order = new ArrayList<>(config.endpoints());
        if (config.loadBalanceHosts()) {
            Collections.shuffle(order);
        }
        this.endpoints = order;
    }

    /** Whether the configuration names one host with no session requirement: it is simply connected to. */
    public static boolean single(PgConfig config) {
        return config.moreHosts().isEmpty() && config.targetSessionAttrs() == TargetSessionAttrs.ANY;
    }

    private int passes() {
        return target == TargetSessionAttrs.PREFER_STANDBY ? 2 : 1;
    }

    /** The configuration of the next server to try, or null when every one has been tried. */
    public PgConfig next() {
        if (attempt >= endpoints.size() * passes()) {
            return null;
        }
        current = endpoints.get(attempt++ % endpoints.size());
        return config.withEndpoints(List.of(current));
    }

    /** What to ask the server just opened (null: it suits whatever it is). */
    public String question() {
        return pass().question();
    }

    /** The requirement of the pass under way: the second pass of prefer-standby takes any server. */
    private TargetSessionAttrs pass() {
        return attempt > endpoints.size() ? TargetSessionAttrs.ANY : target;
    }

    /** Whether the server that gave {@code answer} suits; a refusal is noted for the final error. */
    public boolean suits(String answer) {
        TargetSessionAttrs pass = pass();
        if (pass.question() == null || pass.suits(answer)) {
            return true;
        }
        failures.add(where() + " answered " + answer + " to " + pass.question());
        return false;
    }

    public void failed(Throwable e) {
        failures.add(where() + " " + e.getMessage());
    }

    private String where() {
        return current.host() + ":" + current.port();
    }

    public PgException noneSuited() {
        return new PgException(PgException.UNABLE_TO_CONNECT, "no server suited target_session_attrs=" + target
                + ": " + String.join("; ", failures));
    }

    // ---- the blocking driver ------------------------------------------------------------------------------

    /**
     * @param open    connects to one server (a config with that host and port)
     * @param scalar  the first value of a one-row query on an open connection
     * @param close   closes a connection that did not suit
     */
    public static <C> C connect(PgConfig config, Function<PgConfig, C> open, BiFunction<C, String, String> scalar,
                         Consumer<C> close) {
        if (single(config)) {
            return open.apply(config);
        }
        HostSelection s = new HostSelection(config);
        for (PgConfig one = s.next(); one != null; one = s.next()) {
            C c;
            try {
                c = open.apply(one);
            } catch (PgException failed) {
                s.failed(failed);
                continue;
            }
            try {
                String question = s.question();
                if (question == null || s.suits(scalar.apply(c, question))) {
                    return c;
                }
            } catch (PgException failed) {
                s.failed(failed);
            }
            close.accept(c);
        }
        throw s.noneSuited();
    }

    // ---- the Netty (future) driver --------------------------------------------------------------------------

    /** As {@link #connect}, for connections opened and asked through futures; nothing here blocks. */
    public static <C> CompletableFuture<C> connectAsync(PgConfig config, Function<PgConfig, CompletableFuture<C>> open,
                                                 BiFunction<C, String, CompletableFuture<String>> scalar,
                                                 Consumer<C> close) {
        if (single(config)) {
            return open.apply(config);
        }
        HostSelection s = new HostSelection(config);
        CompletableFuture<C> chosen = new CompletableFuture<>();
        s.tryNextAsync(open, scalar, close, chosen);
        return chosen;
    }

    private <C> void tryNextAsync(Function<PgConfig, CompletableFuture<C>> open,
                                  BiFunction<C, String, CompletableFuture<String>> scalar, Consumer<C> close,
                                  CompletableFuture<C> chosen) {
        PgConfig one = next();
        if (one == null) {
            chosen.completeExceptionally(noneSuited());
            return;
        }
        open.apply(one).whenComplete((c, openFailed) -> {
            if (openFailed != null) {
                failed(unwrap(openFailed));
                tryNextAsync(open, scalar, close, chosen);
                return;
            }
            String question = question();
            if (question == null) {
                chosen.complete(c);
                return;
            }
            scalar.apply(c, question).whenComplete((answer, askFailed) -> {
                if (askFailed == null && suits(answer)) {
                    chosen.complete(c);
                    return;
                }
                if (askFailed != null) {
                    failed(unwrap(askFailed));
                }
                close.accept(c);
                tryNextAsync(open, scalar, close, chosen);
            });
        });
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
}
