package io.spool.pg;

import io.spool.pg.protocol.Bytes;
import io.spool.pg.types.PgTypeException;
import io.spool.pg.types.PgTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of a {@link RowSet}: values by column index (0-based) or name, decoded on access. {@link #get(int)}
 * gives the natural Java type of the column; the typed getters convert where it is lossless and fail with a
 * clear {@link io.spool.pg.types.PgTypeException} where it is not. SQL NULL reads as {@code null}.
 */
public final class Row {
    private final RowSet set;
    private final int index;
    /**
     * The last column whose length this row found and that length's offset from the row's start, packed as
     * {@code (column + 1) << OFFSET_BITS | offset} (0: none yet), so the next column read walks on from there.
     * One int, written whole: a row read from several threads at once sees either hint, and both are right.
     */
    private int found;
    private static final int OFFSET_BITS = 20;
    private static final int MAX_OFFSET = (1 << OFFSET_BITS) - 1;
    private static final int MAX_HINTED_COLUMN = (1 << (31 - OFFSET_BITS)) - 2;

    Row(RowSet set, int index) {
        this.set = set;
        this.index = index;
    }

    /** The offset of {@code column}'s 4-byte length in its chunk, walking on from the last column found. */
    private int at(int column) {
        int start = set.rowStart(index);
        int hint = found;
        int from = (hint >>> OFFSET_BITS) - 1;
        int at = hint != 0 && from <= column
                ? set.lengthAt(index, column, from, start + (hint & MAX_OFFSET))
                : set.lengthAt(index, column, 0, start);
        int offset = at - start;
        if (column <= MAX_HINTED_COLUMN && offset <= MAX_OFFSET) {  // a row too wide to hint walks from its start
            found = (column + 1) << OFFSET_BITS | offset;
        }
        return at;
    }

    public Object get(int column) {
        return set.valueAt(index, column, at(column));
    }

    public Object get(String column) {
        return get(set.columnIndex(column));
    }

    public <T> T get(int column, Class<T> type) {
        return set.valueAt(index, column, at(column), type);
    }

    public <T> T get(String column, Class<T> type) {
        return get(set.columnIndex(column), type);
    }

    public boolean isNull(int column) {
        return set.isNullAt(index, at(column));
    }

    public boolean isNull(String column) {
        return isNull(set.columnIndex(column));
    }

    /**
     * The value as a primitive int, read straight from the bytes when the column is a binary int4 (no boxing);
     * a NULL is an error here (use {@link #getInteger} to see NULL as {@code null}).
     */
    public int intValue(int column) {
        Column c = set.column(column);
        if (c.binary() && c.typeOid() == PgTypes.INT4) {
            int at = at(column);
            byte[] chunk = set.chunkOf(index);
            if (Bytes.int32(chunk, at) == 4) {
                return Bytes.int32(chunk, at + 4);
            }
        }
        return notNull(getInteger(column), column);
    }

    /** As {@link #intValue(int)}, for int8 columns (and any column {@link #getLong} reads). */
    public long longValue(int column) {
        Column c = set.column(column);
        if (c.binary() && c.typeOid() == PgTypes.INT8) {
            int at = at(column);
            byte[] chunk = set.chunkOf(index);
            if (Bytes.int32(chunk, at) == 8) {
                return ((long) Bytes.int32(chunk, at + 4) << 32) | (Bytes.int32(chunk, at + 8) & 0xFFFFFFFFL);
            }
        }
        return notNull(getLong(column), column);
    }

    /** As {@link #intValue(int)}, for float8 columns (and any column {@link #getDouble} reads). */
    public double doubleValue(int column) {
        Column c = set.column(column);
        if (c.binary() && c.typeOid() == PgTypes.FLOAT8) {
            int at = at(column);
            byte[] chunk = set.chunkOf(index);
            if (Bytes.int32(chunk, at) == 8) {
                long bits = ((long) Bytes.int32(chunk, at + 4) << 32) | (Bytes.int32(chunk, at + 8) & 0xFFFFFFFFL);
                return Double.longBitsToDouble(bits);
            }
        }
        return notNull(getDouble(column), column);
    }

    /** The value as a primitive boolean; a NULL is an error (use {@link #getBoolean} to see it). */
    public boolean booleanValue(int column) {
        return notNull(getBoolean(column), column);  // Boolean.valueOf never allocates
    }

    public int intValue(String column) {
        return intValue(set.columnIndex(column));
    }

    public long longValue(String column) {
        return longValue(set.columnIndex(column));
    }

    public double doubleValue(String column) {
        return doubleValue(set.columnIndex(column));
    }

    public boolean booleanValue(String column) {
        return booleanValue(set.columnIndex(column));
    }

    private <T> T notNull(T value, int column) {
        if (value == null) {
            throw new PgTypeException("column " + set.column(column).name() + " is NULL; read it with a boxed getter");
        }
        return value;
    }

    public String getString(int column) {
        return get(column, String.class);
    }

    public String getString(String column) {
        return get(column, String.class);
    }

    public Integer getInteger(int column) {
        return get(column, Integer.class);
    }

    public Integer getInteger(String column) {
        return get(column, Integer.class);
    }

    public Long getLong(int column) {
        return get(column, Long.class);
    }

    public Long getLong(String column) {
        return get(column, Long.class);
    }

    public Double getDouble(int column) {
        return get(column, Double.class);
    }

    public Double getDouble(String column) {
        return get(column, Double.class);
    }

    public Boolean getBoolean(int column) {
        return get(column, Boolean.class);
    }

    public Boolean getBoolean(String column) {
        return get(column, Boolean.class);
    }

    public BigDecimal getBigDecimal(int column) {
        return get(column, BigDecimal.class);
    }

    public BigDecimal getBigDecimal(String column) {
        return get(column, BigDecimal.class);
    }

    public UUID getUuid(int column) {
        return get(column, UUID.class);
    }

    public UUID getUuid(String column) {
        return get(column, UUID.class);
    }

    public LocalDate getLocalDate(int column) {
        return get(column, LocalDate.class);
    }

    public LocalDate getLocalDate(String column) {
        return get(column, LocalDate.class);
    }

    public LocalDateTime getLocalDateTime(int column) {
        return get(column, LocalDateTime.class);
    }

    public LocalDateTime getLocalDateTime(String column) {
        return get(column, LocalDateTime.class);
    }

    public OffsetDateTime getOffsetDateTime(int column) {
        return get(column, OffsetDateTime.class);
    }

    public OffsetDateTime getOffsetDateTime(String column) {
        return get(column, OffsetDateTime.class);
    }

    public Instant getInstant(int column) {
        return get(column, Instant.class);
    }

    public Instant getInstant(String column) {
        return get(column, Instant.class);
    }

    public byte[] getBytes(int column) {
        return get(column, byte[].class);
    }

    public byte[] getBytes(String column) {
        return get(column, byte[].class);
    }

    public int size() {
        return set.columnCount();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Row[");
        for (int i = 0; i < size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(set.column(i).name()).append('=').append(isNull(i) ? "NULL" : getString(i));
        }
        return sb.append(']').toString();
    }
}
