package io.spool.pg;

import java.util.Map;

/** A NoticeResponse (a warning or informational message from the server), with the same fields as an error. */
public record Notice(Map<PgException.Field, String> fields) {
    public String severity() {
        return fields.get(PgException.Field.SEVERITY);
    }

    public String message() {
        return fields.get(PgException.Field.MESSAGE);
    }

    public String sqlState() {
        return fields.get(PgException.Field.SQLSTATE);
    }
}
