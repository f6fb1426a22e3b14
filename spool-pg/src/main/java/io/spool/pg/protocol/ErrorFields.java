package io.spool.pg.protocol;

import io.spool.pg.PgException;

import java.util.EnumMap;
import java.util.Map;

/** Parses the field list shared by ErrorResponse and NoticeResponse. */
final class ErrorFields {
    private ErrorFields() {}

    static Map<PgException.Field, String> parse(MessageReader m) {
        Map<PgException.Field, String> fields = new EnumMap<>(PgException.Field.class);
        while (true) {
            int code = m.readByte();
            if (code == 0) {
                return fields;
            }
            String value = m.readCString();
            PgException.Field field = PgException.Field.of((char) code);
            if (field != null) {  // unknown codes are skipped, as the protocol asks
                fields.put(field, value);
            }
        }
    }

    static PgException error(MessageReader m) {
        return new PgException(parse(m));
    }
}
