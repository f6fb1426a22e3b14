package io.spool.pg;

import io.spool.pg.protocol.PgEngine;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to connect: host, port, user, password, database, timeouts and client limits. Built from a
 * URL ({@code postgresql://user:password@host:port/db?connect_timeout=5}) or a libpq-style key/value string
 * ({@code host=localhost port=5432 dbname=app user=me password='a b'}), or with the {@code with...} methods.
 * Immutable. Unknown keys are rejected so a typo does not silently fall back to a default.
 */
public record PgConfig(String host, int port, String user, String password, String database,
                       String applicationName, Duration connectTimeout, Duration socketTimeout,
                       int statementCacheSize, int maxMessageSize, long maxResultSize, int maxQueuedNotifications,
                       Map<String, String> serverSettings,
                       SslMode sslMode, String sslRootCert, List<Endpoint> moreHosts,
                       TargetSessionAttrs targetSessionAttrs, boolean loadBalanceHosts, String passfile) {

    /** One server to try: a host name or address and its port. */
    public record Endpoint(String host, int port) {}

    public PgConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        if (maxResultSize < 1024) {
            throw new IllegalArgumentException("max_result_size must be at least 1024 bytes");
        }
        if (maxQueuedNotifications < 1) {
            throw new IllegalArgumentException("max_queued_notifications must be at least 1");
        }
        if (statementCacheSize < 1) {
            throw new IllegalArgumentException("statement_cache_size must be at least 1");
        }
        serverSettings = Map.copyOf(serverSettings);
        Objects.requireNonNull(sslMode, "sslMode");
        moreHosts = List.copyOf(moreHosts);
        Objects.requireNonNull(targetSessionAttrs, "targetSessionAttrs");
    }

    /**
     * Defaults: localhost:5432, the OS user as user and database, 10 s connect timeout, no socket timeout;
     * no environment variables (see {@link #parse(String, Map)} for libpq's {@code PG*} defaults).
     */
    public static PgConfig defaults() {
        String user = System.getProperty("user.name", "postgres");
        return new PgConfig("localhost", 5432, user, null, user, "spool", Duration.ofSeconds(10), Duration.ZERO,
                256, PgEngine.DEFAULT_MAX_MESSAGE_SIZE, PgEngine.defaultMaxResultSize(),
                PgEngine.DEFAULT_QUEUED_NOTIFICATIONS, Map.of(), SslMode.PREFER, null, List.of(),
                TargetSessionAttrs.ANY, false, null);
    }

    /**
     * Parses a {@code postgresql://} / {@code postgres://} URL or a libpq key/value string, with libpq's
     * environment variables ({@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD},
     * {@code PGDATABASE}, {@code PGSSLMODE}, ...) as defaults for what the string leaves out.
     */
    public static PgConfig parse(String connectionString) {
        return parse(connectionString, System.getenv());
    }

    /** As {@link #parse(String)}, with {@code environment} in place of the process's. */
    public static PgConfig parse(String connectionString, Map<String, String> environment) {
        String s = connectionString.strip();
        Map<String, String> values = new LinkedHashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            String v = environment.get(variable);
            if (v != null && !v.isEmpty()) {
                values.put(key, v);
            }
        });
        values.putAll(s.startsWith("postgresql://") || s.startsWith("postgres://") ? parseUrl(s) : parseKeyValue(s));
        return defaults().with(values);
    }

    /** libpq's environment variables and the connection parameter each stands for. */
    private static final Map<String, String> ENVIRONMENT = orderedMap(
            "PGHOST", "host", "PGPORT", "port", "PGUSER", "user", "PGPASSWORD", "password", "PGDATABASE", "dbname",
            "PGAPPNAME", "application_name", "PGCONNECT_TIMEOUT", "connect_timeout", "PGSSLMODE", "sslmode",
            "PGSSLROOTCERT", "sslrootcert", "PGPASSFILE", "passfile", "PGTARGETSESSIONATTRS", "target_session_attrs",
            "PGLOADBALANCEHOSTS", "load_balance_hosts");

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** The URL's parts as libpq parameters; several hosts come as comma-separated host and port lists. */
    private static Map<String, String> parseUrl(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        Map<String, String> values = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        String query = q >= 0 ? rest.substring(q + 1) : "";
        rest = q >= 0 ? rest.substring(0, q) : rest;
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        if (slash >= 0 && slash + 1 < rest.length()) {
            values.put("dbname", decode(rest.substring(slash + 1)));
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            values.put("user", decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo));
            if (colon >= 0) {
                values.put("password", decode(userInfo.substring(colon + 1)));
            }
        }
        if (!authority.isEmpty()) {
            List<String> hosts = new java.util.ArrayList<>();
            List<String> ports = new java.util.ArrayList<>();
            for (String part : authority.split(",", -1)) {   // postgresql://h1:5432,h2:5433/db
                String host = part;
                String port = "";
                if (part.startsWith("[")) {  // IPv6 literal
                    int close = part.indexOf(']');
                    if (close < 0) {
                        throw new IllegalArgumentException("unterminated IPv6 address in " + redact(url));
                    }
                    host = part.substring(1, close);
                    port = part.startsWith(":", close + 1) ? part.substring(close + 2) : "";
                } else {
                    int colon = part.lastIndexOf(':');
                    if (colon >= 0) {
                        port = part.substring(colon + 1);
                        host = part.substring(0, colon);
                    }
                    host = decode(host);
                }
                hosts.add(host);
                ports.add(port);
            }
            if (hosts.stream().anyMatch(h -> !h.isEmpty())) {
                values.put("host", String.join(",", hosts));
            }
            if (ports.stream().anyMatch(p -> !p.isEmpty())) {
                values.put("port", String.join(",", ports));
            }
        }
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("URL parameter '" + pair + "' has no value");
                }
                values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> parseKeyValue(String s) {
        Map<String, String> values = new LinkedHashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value at '" + s.substring(i) + "'");
            }
            String key = s.substring(i, eq).strip();
            i = eq + 1;
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(s.charAt(i++));
                    } else if (c == '\'') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new IllegalArgumentException("unterminated quoted value for '" + key + "'");
                }
            } else {
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = s.charAt(i++);
                    }
                    value.append(c);
                }
            }
            values.put(key, value.toString());
        }
        return values;
    }

    /** Applies libpq-named settings: host, port, user, password, dbname, connect_timeout (seconds), ... */
    public PgConfig with(Map<String, String> values) {
        PgConfig c = this;
        boolean databaseGiven = values.containsKey("dbname");
        Map<String, String> settings = new LinkedHashMap<>(serverSettings);
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getValue();
            c = switch (e.getKey()) {
                case "host", "port" -> c;   // below: they may be lists
                case "target_session_attrs" -> c.withTargetSessionAttrs(TargetSessionAttrs.parse(v));
                case "load_balance_hosts" -> c.withLoadBalanceHosts(switch (v) {
                    case "random" -> true;
                    case "disable" -> false;
                    default -> throw new IllegalArgumentException("load_balance_hosts must be disable or random, got '" + v + "'");
                });
                case "passfile" -> c.withPassfile(v);
                case "user" -> c.withUser(v);
                case "password" -> c.withPassword(v);
                case "dbname" -> c.withDatabase(v);
                case "application_name" -> c.withApplicationName(v);
                case "connect_timeout" -> c.withConnectTimeout(Duration.ofSeconds(integer(e.getKey(), v)));
                case "socket_timeout" -> c.withSocketTimeout(Duration.ofSeconds(integer(e.getKey(), v)));
                case "statement_cache_size" -> c.withStatementCacheSize(integer(e.getKey(), v));
                case "max_message_size" -> c.withMaxMessageSize(integer(e.getKey(), v));
                case "max_result_size" -> c.withMaxResultSize(longInteger(e.getKey(), v));
                case "max_queued_notifications" -> c.withMaxQueuedNotifications(integer(e.getKey(), v));
                case "options", "statement_timeout", "search_path", "TimeZone", "lock_timeout",
                     "idle_in_transaction_session_timeout" -> {
                    settings.put(e.getKey(), v);  // server settings sent in the startup message
                    yield c;
                }
                case "sslmode" -> c.withSslMode(SslMode.parse(v));
                case "sslrootcert" -> c.withSslRootCert(v);
                default -> throw new IllegalArgumentException("unknown connection parameter '" + e.getKey()
                        + "'; known: host, port, user, password, dbname, application_name, connect_timeout, "
                        + "socket_timeout, statement_cache_size, max_message_size, max_result_size, max_queued_notifications, target_session_attrs, load_balance_hosts, passfile, options, sslmode, sslrootcert, statement_timeout, "
                        + "search_path, TimeZone, lock_timeout, idle_in_transaction_session_timeout");
            };
        }
        if (values.containsKey("host") || values.containsKey("port")) {
            c = c.withEndpoints(endpoints(values.getOrDefault("host", c.host()), values.get("port"), c.port()));
        }
        if (!databaseGiven && values.containsKey("user")) {
            c = c.withDatabase(c.user());  // libpq: the database defaults to the user name
        }
        return c.withServerSettings(settings);
    }

    /** host=h1,h2 with port=p1,p2 (or one port for all); an empty entry means the default. */
    private static List<Endpoint> endpoints(String hostList, String portList, int defaultPort) {
        String[] hosts = hostList.split(",", -1);
        String[] ports = portList == null ? new String[] {""} : portList.split(",", -1);
        if (ports.length != 1 && ports.length != hosts.length) {
            throw new IllegalArgumentException("could not match " + ports.length + " port numbers to " + hosts.length
                    + " hosts");
        }
        List<Endpoint> out = new java.util.ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            String port = ports.length == 1 ? ports[0] : ports[i];
            out.add(new Endpoint(hosts[i].isEmpty() ? "localhost" : hosts[i].strip(),
                    port.isBlank() ? defaultPort : integer("port", port)));
        }
        return out;
    }

    private static long longInteger(String key, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("connection parameter " + key + " must be an integer, got '" + value + "'");
        }
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("connection parameter " + key + " must be an integer, got '" + value + "'");
        }
    }

    public PgConfig withHost(String v) {
        return toBuilder().host(v).build();
    }

    public PgConfig withPort(int v) {
        return toBuilder().port(v).build();
    }

    public PgConfig withUser(String v) {
        return toBuilder().user(v).build();
    }

    public PgConfig withPassword(String v) {
        return toBuilder().password(v).build();
    }

    public PgConfig withDatabase(String v) {
        return toBuilder().database(v).build();
    }

    public PgConfig withApplicationName(String v) {
        return toBuilder().applicationName(v).build();
    }

    public PgConfig withConnectTimeout(Duration v) {
        return toBuilder().connectTimeout(v).build();
    }

    /** How long a call waits for the server's answer before the connection is given up; zero waits forever. */
    public PgConfig withSocketTimeout(Duration v) {
        return toBuilder().socketTimeout(v).build();
    }

    public PgConfig withStatementCacheSize(int v) {
        return toBuilder().statementCacheSize(v).build();
    }

    public PgConfig withMaxMessageSize(int v) {
        return toBuilder().maxMessageSize(v).build();
    }

    /**
     * The most bytes one query's collected result may hold (default: a quarter of the heap); a larger one fails
     * with SQLSTATE 54000 and the connection stays usable. Stream big results instead.
     */
    public PgConfig withMaxResultSize(long v) {
        return toBuilder().maxResultSize(v).build();
    }

    /**
     * How many notifications a connection queues while nobody reads them (default 100,000); past it the oldest
     * are dropped, counted, and reported (see {@link PgConnection#waitForNotification}).
     */
    public PgConfig withMaxQueuedNotifications(int v) {
        return toBuilder().maxQueuedNotifications(v).build();
    }

    /** The servers to try in order: this host and port first, then the others of a multi-host string. */
    public List<Endpoint> endpoints() {
        List<Endpoint> all = new java.util.ArrayList<>();
        all.add(new Endpoint(host, port));
        all.addAll(moreHosts);
        return all;
    }

    /** Tries these servers in order (the first is {@link #host()}/{@link #port()}). */
    public PgConfig withEndpoints(List<Endpoint> endpoints) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one host is needed");
        }
        Builder b = toBuilder();
        b.host = endpoints.get(0).host();
        b.port = endpoints.get(0).port();
        b.moreHosts = endpoints.subList(1, endpoints.size());
        return b.build();
    }

    /** Which server of several to settle on (libpq's {@code target_session_attrs}). */
    public PgConfig withTargetSessionAttrs(TargetSessionAttrs v) {
        return toBuilder().targetSessionAttrs(v).build();
    }

    /** Try the hosts in random order, spreading connections over them (libpq's {@code load_balance_hosts=random}). */
    public PgConfig withLoadBalanceHosts(boolean v) {
        return toBuilder().loadBalanceHosts(v).build();
    }

    /** The password file to read when no password is given (default {@code ~/.pgpass}). */
    public PgConfig withPassfile(String v) {
        return toBuilder().passfile(v).build();
    }

    /** A protocol engine with this configuration's limits. */
    public PgEngine newEngine() {
        PgEngine engine = new PgEngine(maxMessageSize, statementCacheSize, maxResultSize, io.spool.pg.types.Codecs.DEFAULT);
        engine.notificationLimit(maxQueuedNotifications);
        return engine;
    }

    /** Extra startup parameters sent to the server (e.g. {@code options=-c search_path=app}). */
    public PgConfig withServerSettings(Map<String, String> v) {
        return toBuilder().serverSettings(v).build();
    }

    public PgConfig withSslMode(SslMode v) {
        return toBuilder().sslMode(v).build();
    }

    /** A PEM file of trusted CA certificates for verify-ca / verify-full (else the JDK's default trust store). */
    public PgConfig withSslRootCert(String path) {
        return toBuilder().sslRootCert(path).build();
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.user = user;
        b.password = password;
        b.database = database;
        b.applicationName = applicationName;
        b.connectTimeout = connectTimeout;
        b.socketTimeout = socketTimeout;
        b.statementCacheSize = statementCacheSize;
        b.maxMessageSize = maxMessageSize;
        b.maxResultSize = maxResultSize;
        b.maxQueuedNotifications = maxQueuedNotifications;
        b.serverSettings = serverSettings;
        b.sslMode = sslMode;
        b.sslRootCert = sslRootCert;
        b.moreHosts = moreHosts;
        b.targetSessionAttrs = targetSessionAttrs;
        b.loadBalanceHosts = loadBalanceHosts;
        b.passfile = passfile;
        return b;
    }

    /** A mutable copy used by the {@code with...} methods, so each changes one field in one line. */
    private static final class Builder {
        String host;
        int port;
        String user;
        String password;
        String database;
        String applicationName;
        Duration connectTimeout;
        Duration socketTimeout;
        int statementCacheSize;
        int maxMessageSize;
        long maxResultSize;
        int maxQueuedNotifications;
        Map<String, String> serverSettings;
        SslMode sslMode;
        String sslRootCert;
        List<Endpoint> moreHosts;
        TargetSessionAttrs targetSessionAttrs;
        boolean loadBalanceHosts;
        String passfile;

        Builder host(String v) { host = v; return this; }
        Builder port(int v) { port = v; return this; }
        Builder user(String v) { user = v; return this; }
        Builder password(String v) { password = v; return this; }
        Builder database(String v) { database = v; return this; }
        Builder applicationName(String v) { applicationName = v; return this; }
        Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        Builder socketTimeout(Duration v) { socketTimeout = v; return this; }
        Builder statementCacheSize(int v) { statementCacheSize = v; return this; }
        Builder maxMessageSize(int v) { maxMessageSize = v; return this; }
        Builder maxResultSize(long v) { maxResultSize = v; return this; }
        Builder maxQueuedNotifications(int v) { maxQueuedNotifications = v; return this; }
        Builder serverSettings(Map<String, String> v) { serverSettings = v; return this; }
        Builder sslMode(SslMode v) { sslMode = v; return this; }
        Builder sslRootCert(String v) { sslRootCert = v; return this; }
        Builder targetSessionAttrs(TargetSessionAttrs v) { targetSessionAttrs = v; return this; }
        Builder loadBalanceHosts(boolean v) { loadBalanceHosts = v; return this; }
        Builder passfile(String v) { passfile = v; return this; }

        PgConfig build() {
            return new PgConfig(host, port, user, password, database, applicationName, connectTimeout, socketTimeout,
                    statementCacheSize, maxMessageSize, maxResultSize, maxQueuedNotifications, serverSettings, sslMode,
                    sslRootCert, moreHosts, targetSessionAttrs, loadBalanceHosts, passfile);
        }
    }

    /** Makes the server cancel any statement running longer than {@code timeout} (SQLSTATE 57014). */
    public PgConfig withStatementTimeout(Duration timeout) {
        Map<String, String> settings = new LinkedHashMap<>(serverSettings);
        settings.put("statement_timeout", Long.toString(timeout.toMillis()));
        return withServerSettings(settings);
    }

    /** What the engine needs to open a session with these settings (see {@link PgEngine#connect}). */
    public io.spool.pg.protocol.ConnectOptions connectOptions() {
        io.spool.pg.protocol.ConnectOptions.Tls tls = !sslMode.tries() ? io.spool.pg.protocol.ConnectOptions.Tls.NONE
                : sslMode.requires() ? io.spool.pg.protocol.ConnectOptions.Tls.REQUIRE
                : io.spool.pg.protocol.ConnectOptions.Tls.PREFER;
        String secret = password != null ? password : Pgpass.lookup(passfile, host, port, database, user);
        return new io.spool.pg.protocol.ConnectOptions(user, secret, startupParameters(), tls);
    }

    /** The startup parameters besides {@code user}. */
    public Map<String, String> startupParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("database", database);
        if (applicationName != null && !applicationName.isEmpty()) {
            p.put("application_name", applicationName);
        }
        p.put("client_encoding", "UTF8");
        p.put("DateStyle", "ISO, MDY");
        p.put("extra_float_digits", "3");
        p.putAll(serverSettings);
        return p;
    }

    private static String redact(String url) {
        return url.replaceAll(":[^:@/]*@", ":***@");
    }

    @Override
    public String toString() {
        return "PgConfig[" + user + "@" + host + ":" + port + "/" + database + (password != null ? " (password set)" : "") + "]";
    }
}
