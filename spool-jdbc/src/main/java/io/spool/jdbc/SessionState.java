package io.spool.jdbc;

import java.util.List;
import java.util.Locale;

/**
 * Tells the statements that leave state in the server session behind them, which shared mode must run on a
 * connection of the caller's own (and keep there until the JDBC connection closes): {@code SET} (not
 * {@code SET LOCAL}, {@code SET TRANSACTION}, {@code SET CONSTRAINTS}), {@code RESET}, {@code DISCARD},
 * {@code BEGIN}/{@code START TRANSACTION}, temporary tables ({@code CREATE TEMP}, {@code SELECT ... INTO TEMP}),
 * {@code LISTEN}/{@code UNLISTEN}, {@code PREPARE}/{@code DEALLOCATE}, {@code DECLARE} (cursors), {@code LOAD},
 * and calls of {@code set_config}, {@code pg_advisory_lock} (session-level locks), {@code currval},
 * {@code lastval} and {@code setseed}.
 */
final class SessionState {
    private SessionState() {}

    private static final List<String> HEADS = List.of("SET", "RESET", "DISCARD", "BEGIN", "START TRANSACTION",
            "CREATE TEMP", "CREATE TEMPORARY", "CREATE LOCAL TEMP", "CREATE GLOBAL TEMP", "CREATE UNLOGGED TEMP",
            "LISTEN", "UNLISTEN", "PREPARE", "DEALLOCATE", "DECLARE", "LOAD");
    private static final List<String> NOT = List.of("SET LOCAL", "SET TRANSACTION", "SET CONSTRAINTS");
    private static final List<String> CALLS = List.of("set_config", "pg_advisory_lock", "pg_try_advisory_lock",
            "currval", "lastval", "setseed", "into temp");

    static boolean leftBy(String sql, List<String> statementHeads) {
        for (String head : statementHeads) {
            if (startsWithAny(head, HEADS) && !startsWithAny(head, NOT)) {
                return true;
            }
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        for (String call : CALLS) {
            if (lower.contains(call)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String head, List<String> prefixes) {
        for (String p : prefixes) {
            if (head.equals(p) || head.startsWith(p + " ")) {
                return true;
            }
        }
        return false;
    }
}
