package io.spool.pg.protocol;

import io.spool.pg.types.Codecs;

/** Parses RowDescription messages into columns. */
final class RowDescriptions {
    private RowDescriptions() {}

    /**
     * Reads the columns; with {@code codecs} the format is chosen here (binary where a codec decodes it, as
     * the Bind will request), without them the format is the one the message states.
     */
    static ColumnDescription[] parse(MessageReader m, Codecs codecs) {
        int n = m.readInt16();
        if (n < 0) {
            throw new ProtocolException("RowDescription has a negative column count");
        }
        ColumnDescription[] columns = new ColumnDescription[n];
        for (int i = 0; i < n; i++) {
            String name = m.readCString();
            int table = m.readInt32();
            int attnum = m.readInt16();
            int type = m.readInt32();
            m.readInt16();  // typlen
            int typmod = m.readInt32();
            int format = m.readInt16();
            boolean binary = codecs != null ? codecs.decodesBinary(type) : format == 1;
            columns[i] = new ColumnDescription(name, type, binary, table, attnum, typmod);
        }
        if (m.remaining() != 0) {
            throw new ProtocolException("RowDescription has " + m.remaining() + " trailing bytes");
        }
        return columns;
    }
}
