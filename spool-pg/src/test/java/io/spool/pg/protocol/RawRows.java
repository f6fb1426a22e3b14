package io.spool.pg.protocol;

import io.spool.pg.types.Codecs;

import java.util.List;

/** Builds the engine's {@link DataRows} from hand-made DataRow bodies, for tests outside this package. */
public final class RawRows {
    private RawRows() {}

    /** Rows of {@code columns}, one per DataRow body (column count, then each length and value). */
    public static DataRows of(ColumnDescription[] columns, Codecs codecs, List<byte[]> bodies) {
        DataRows rows = new DataRows(columns, codecs);
        for (byte[] body : bodies) {
            rows.addDataRow(body, 0, body.length);
        }
        return rows;
    }
}
