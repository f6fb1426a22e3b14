package io.spool.pg.protocol;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The question a {@link Prepare} asks pg_type when a result has columns of types without a codec: which of
 * them are arrays, and of what. The answer (text rows of the array OID and its element OID) lets those values
 * read as {@code String[]} rather than one string. Asked once per type per connection.
 */
final class ArrayTypeLookup {
    private final Set<Integer> types;
    private final Map<Integer, Integer> arrays = new HashMap<>();

    ArrayTypeLookup(Set<Integer> types) {
        this.types = types;
    }

    void write(WriteBuffer out) {
        // OIDs are numbers we read from the server, so they are safe to inline
        String in = types.stream().map(String::valueOf).collect(Collectors.joining(","));
        Frontend.query(out, "SELECT oid::int4, typelem::int4 FROM pg_catalog.pg_type WHERE oid IN (" + in
                + ") AND typelem <> 0 AND typlen = -1");
    }

    /** One answer row: two text columns. */
    void row(MessageReader m) {
        if (m.readUnsignedInt16() != 2) {
            throw new ProtocolException("pg_type answer has a column count other than 2");
        }
        int array = Integer.parseInt(text(m));
        int element = Integer.parseInt(text(m));
        arrays.put(array, element);
    }

    private static String text(MessageReader m) {
        int n = m.readInt32();
        if (n < 0) {
            throw new ProtocolException("pg_type answer has a NULL");
        }
        return new String(m.readBytes(n), StandardCharsets.US_ASCII);
    }

    void register(PgEngine engine) {
        engine.arrayTypesFound(arrays);
    }
}
