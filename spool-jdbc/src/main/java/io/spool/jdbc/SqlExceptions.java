package io.spool.jdbc;

import io.spool.pg.PgException;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns spool-pg's failures into the {@link SQLException} subclass JDBC callers (Spring's translator,
 * Hibernate, HikariCP's eviction) look for, keeping the SQLSTATE and the original as the cause: 08 connection,
 * 22 data, 23 integrity, 28 authorization, 40 rollback, 42 syntax/access, 57014 timeout, 0A not supported.
 */
public final class SqlExceptions {
    private SqlExceptions() {}

    /** The JDBC exception for a failure of spool-pg (or of the conversions around it). */
    public static SQLException of(RuntimeException e) {
        if (e instanceof PgException pg) {
            if (pg.isConnectionError() && !pg.sqlState().startsWith("08")) {
                // a FATAL from the server (57P01 admin shutdown, ...) ends the session: a connection error
                return new SQLTransientConnectionException(pg.getMessage(), pg.sqlState(), pg);
            }
            return of(pg.getMessage(), pg.sqlState(), pg);
        }
        if (e instanceof IllegalStateException) {
            return new SQLException(e.getMessage(), "55000", e);  // object not in prerequisite state
        }
        if (e instanceof IllegalArgumentException) {
            return new SQLDataException(e.getMessage(), "22023", e);  // invalid parameter value
        }
        return new SQLException(String.valueOf(e.getMessage()), "XX000", e);
    }

    /** The subclass for {@code sqlState}. */
    public static SQLException of(String message, String sqlState, Throwable cause) {
        String state = sqlState == null ? "" : sqlState;
        if (state.equals(PgException.QUERY_CANCELED)) {
            return new SQLTimeoutException(message, state, cause);
        }
        if (state.startsWith("08")) {
            return state.equals(PgException.UNABLE_TO_CONNECT)
                    ? new SQLNonTransientConnectionException(message, state, cause)
                    : new SQLTransientConnectionException(message, state, cause);
        }
        if (state.startsWith("0A")) {
            return new SQLFeatureNotSupportedException(message, state, cause);
        }
        if (state.startsWith("22")) {
            return new SQLDataException(message, state, cause);
        }
        if (state.startsWith("23")) {
            return new SQLIntegrityConstraintViolationException(message, state, cause);
        }
        if (state.startsWith("28")) {
            return new SQLInvalidAuthorizationSpecException(message, state, cause);
        }
        if (state.startsWith("40")) {
            return new SQLTransactionRollbackException(message, state, cause);
        }
        if (state.startsWith("42")) {
            return new SQLSyntaxErrorException(message, state, cause);
        }
        return new SQLException(message, state, cause);
    }

    /** The error of a JDBC method this driver does not implement, naming it. */
    public static SQLFeatureNotSupportedException unsupported(String method) {
        return new SQLFeatureNotSupportedException("spool-jdbc does not support " + method, "0A000");
    }

    /** {@code unwrap} of an object that wraps nothing: itself, when it is a {@code type}. */
    public static <T> T unwrap(Object self, Class<T> type) throws SQLException {
        if (type.isInstance(self)) {
            return type.cast(self);
        }
        throw new SQLException("not a wrapper for " + type.getName(), "HY000");
    }

    /** The error of a call on a closed object. */
    public static SQLException closed(String what) {
        return new SQLNonTransientConnectionException("the " + what + " is closed", "08003");
    }
}
