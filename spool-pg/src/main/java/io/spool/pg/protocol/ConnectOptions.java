package io.spool.pg.protocol;

import java.util.Map;

/**
 * What {@link PgEngine#connect} needs to open a session: the user, the password (or null), the startup
 * parameters besides the user (database, application_name, settings...), and whether TLS is asked for first.
 *
 * @param tls {@code NONE}: plain; {@code PREFER}: TLS if the server offers it; {@code REQUIRE}: TLS or fail
 */
public record ConnectOptions(String user, String password, Map<String, String> parameters, Tls tls) {
    /** Whether the session asks for TLS with an SSLRequest before the startup. */
    public enum Tls { NONE, PREFER, REQUIRE }
}
