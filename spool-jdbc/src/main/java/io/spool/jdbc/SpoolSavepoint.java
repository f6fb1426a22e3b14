package io.spool.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/** A savepoint of a {@link SpoolConnection}: numbered ({@code spool_sp_N}) or named (quoted as an identifier). */
record SpoolSavepoint(int id, String name) implements Savepoint {

    static SpoolSavepoint of(Savepoint s) throws SQLException {
        if (s instanceof SpoolSavepoint sp) {
            return sp;
        }
        throw new SQLException("not a savepoint of this driver: " + s, "3B001");
    }

    String sqlName() {
        return name == null ? "spool_sp_" + id : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw new SQLException("a named savepoint has no id", "3B001");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw new SQLException("an unnamed savepoint has no name", "3B001");
        }
        return name;
    }
}
