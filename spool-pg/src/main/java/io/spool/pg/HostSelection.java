package io.spool.pg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Picks the server of a multi-host configuration as libpq does: the hosts in order (or shuffled with
 * {@code load_balance_hosts=random}), skipping those that cannot be reached and those that do not suit
 * {@code target_session_attrs}; {@code prefer-standby} makes a second pass taking any server. When none
 * suits, the error names what each host said.
 */
final class HostSelection {
    private HostSelection() {}

    /**
     * @param open    connects to one server (a config with that host and port)
     * @param scalar  the first value of a one-row query on an open connection
     * @param close   closes a connection that did not suit
     */
    static <C> C connect(PgConfig config, Function<PgConfig, C> open, BiFunction<C, String, String> scalar,
                         Consumer<C> close) {
        TargetSessionAttrs target = config.targetSessionAttrs();
        if (config.moreHosts().isEmpty() && target == TargetSessionAttrs.ANY) {
            return open.apply(config);
        }
        List<PgConfig.Endpoint> endpoints = new ArrayList<>(config.endpoints());
        if (config.loadBalanceHosts()) {
            Collections.shuffle(endpoints);
        }
        List<String> failures = new ArrayList<>();
        C found = pass(config, endpoints, target, open, scalar, close, failures);
        if (found == null && target == TargetSessionAttrs.PREFER_STANDBY) {
            found = pass(config, endpoints, TargetSessionAttrs.ANY, open, scalar, close, failures);
        }
        if (found == null) {
            throw new PgException(PgException.UNABLE_TO_CONNECT, "no server suited target_session_attrs=" + target
                    + ": " + String.join("; ", failures));
        }
        return found;
    }

    private static <C> C pass(PgConfig config, List<PgConfig.Endpoint> endpoints, TargetSessionAttrs target,
                              Function<PgConfig, C> open, BiFunction<C, String, String> scalar, Consumer<C> close,
                              List<String> failures) {
        for (PgConfig.Endpoint e : endpoints) {
            String where = e.host() + ":" + e.port();
            C c;
            try {
                c = open.apply(config.withEndpoints(List.of(e)));
            } catch (PgException failed) {
                failures.add(where + " " + failed.getMessage());
                continue;
            }
            String question = target.question();
            try {
                String answer = question == null ? null : scalar.apply(c, question);
                if (question == null || target.suits(answer)) {
                    return c;
                }
                failures.add(where + " answered " + answer + " to " + question);
            } catch (PgException failed) {
                failures.add(where + " " + failed.getMessage());
            }
            close.accept(c);
        }
        return null;
    }
}
