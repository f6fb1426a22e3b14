package io.spool.jdbc;

import io.spool.pg.PgConfig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A JDBC URL ({@code jdbc:spool:postgresql://host:port/db?key=value&...}, or {@code jdbc:postgresql://...}
 * when the driver is told to take those) and its properties, read into spool-pg's {@link PgConfig} and this
 * driver's own settings. pgjdbc's common property names ({@code ApplicationName}, {@code connectTimeout},
 * {@code socketTimeout}, {@code currentSchema}, {@code loadBalanceHosts}, {@code targetServerType}) are
 * accepted beside libpq's; an unknown property is an error, not ignored. The session's {@code TimeZone} is the
 * JVM's unless given, as with pgjdbc, so {@link java.sql.Timestamp}s mean the same on both sides.
 */
public record JdbcUrl(PgConfig config, int sharedConnections, int maxDedicatedConnections) {
    public static final String PREFIX = "jdbc:spool:postgresql:";
    public static final String PGJDBC_PREFIX = "jdbc:postgresql:";
    /** System property that lets this driver take {@code jdbc:postgresql:} URLs when pgjdbc is absent. */
    public static final String TAKE_POSTGRESQL_URLS = "spool.jdbc.takePostgresqlUrls";

    /** Whether {@code url} is ours: always {@code jdbc:spool:postgresql:}, {@code jdbc:postgresql:} if enabled. */
    public static boolean accepts(String url, boolean takePostgresqlUrls) {
        return url != null && (url.startsWith(PREFIX) || takePostgresqlUrls && url.startsWith(PGJDBC_PREFIX));
    }

    public static JdbcUrl parse(String url, Properties info) throws SQLException {
        String rest = url.startsWith(PREFIX) ? url.substring(PREFIX.length())
                : url.startsWith(PGJDBC_PREFIX) ? url.substring(PGJDBC_PREFIX.length()) : null;
        if (rest == null) {
            throw new SQLNonTransientConnectionException("not a spool-jdbc URL (" + PREFIX + "//host:port/database): "
                    + redact(url), "08001");
        }
        Map<String, String> props = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        String base = q < 0 ? rest : rest.substring(0, q);
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                props.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                props.put(key, info.getProperty(key));
            }
        }
        if (!base.startsWith("//")) {
            base = "//localhost/" + base;  // jdbc:postgresql:database
        }
        try {
            return build("postgresql:" + base, props);
        } catch (IllegalArgumentException e) {
            throw new SQLNonTransientConnectionException("bad connection settings in " + redact(url) + ": "
                    + e.getMessage(), "08001", e);
        }
    }

    private static JdbcUrl build(String postgresUrl, Map<String, String> props) throws SQLException {
        Map<String, String> libpq = new LinkedHashMap<>();
        int shared = 0;
        int maxDedicated = 100;
        for (Map.Entry<String, String> e : props.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "sharedConnections" -> shared = integer(e.getKey(), v);
                case "maxDedicatedConnections" -> maxDedicated = integer(e.getKey(), v);
                case "user", "password", "dbname", "sslmode", "sslrootcert", "options", "passfile",
                     "application_name", "connect_timeout", "socket_timeout", "statement_cache_size",
                     "max_message_size", "max_result_size", "max_queued_notifications", "target_session_attrs",
                     "load_balance_hosts", "statement_timeout", "search_path", "TimeZone", "lock_timeout",
                     "idle_in_transaction_session_timeout" -> libpq.put(e.getKey(), v);
                case "ApplicationName", "applicationName" -> libpq.put("application_name", v);
                case "connectTimeout", "loginTimeout" -> libpq.put("connect_timeout", v);
                case "socketTimeout" -> libpq.put("socket_timeout", v);
                case "currentSchema" -> libpq.put("search_path", v);
                case "loadBalanceHosts" -> libpq.put("load_balance_hosts", Boolean.parseBoolean(v) ? "random" : "disable");
                case "targetServerType" -> libpq.put("target_session_attrs", switch (v.toLowerCase(Locale.ROOT)) {
                    case "any" -> "any";
                    case "primary", "master" -> "primary";
                    case "secondary", "slave", "standby" -> "standby";
                    case "prefersecondary", "preferstandby", "preferslave" -> "prefer-standby";
                    default -> throw new SQLNonTransientConnectionException("targetServerType must be any, primary, "
                            + "secondary or preferSecondary, got '" + v + "'", "08001");
                });
                default -> throw new SQLNonTransientConnectionException("unknown connection property '" + e.getKey()
                        + "'; spool-jdbc takes sharedConnections, maxDedicatedConnections, user, password, "
                        + "ApplicationName, connectTimeout, socketTimeout, currentSchema, loadBalanceHosts, "
                        + "targetServerType and spool-pg's libpq names (sslmode, options, search_path, ...)", "08001");
            }
        }
        libpq.putIfAbsent("TimeZone", ZoneId.systemDefault().getId());
        if (shared < 0 || maxDedicated < 1) {
            throw new SQLNonTransientConnectionException("sharedConnections must be >= 0 and maxDedicatedConnections"
                    + " >= 1", "08001");
        }
        PgConfig config = PgConfig.parse(postgresUrl, Map.of()).with(libpq);
        return new JdbcUrl(config, shared, maxDedicated);
    }

    private static int integer(String key, String v) throws SQLException {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new SQLNonTransientConnectionException(key + " must be an integer, got '" + v + "'", "08001");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL without a password value, for messages. */
    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("(//[^:/@]*:)[^@/]*@", "$1***@");
    }
}
