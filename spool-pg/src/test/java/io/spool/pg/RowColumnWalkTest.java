package io.spool.pg;

import io.spool.pg.protocol.ColumnDescription;
import io.spool.pg.protocol.RawRows;
import io.spool.pg.types.Codecs;
import io.spool.pg.types.PgTypes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@link Row} remembers where the last column it read begins and walks on from there: these read the columns
 * of raw DataRows in every order (forward, backward, twice, at random), with NULLs between them and a value wider
 * than the remembered offset can hold, and check each value against what was put in the row.
 */
class RowColumnWalkTest {
    private static final ColumnDescription[] COLUMNS = {
        new ColumnDescription("id", PgTypes.INT4, true, 0, 0, -1),
        new ColumnDescription("label", PgTypes.TEXT, true, 0, 0, -1),
        new ColumnDescription("big", PgTypes.INT8, true, 0, 0, -1),
        new ColumnDescription("wide", PgTypes.TEXT, true, 0, 0, -1),
        new ColumnDescription("after", PgTypes.INT4, true, 0, 0, -1),
    };

    private static Object[] values(int i) {
        String wide = i == 1 ? "w".repeat((1 << 20) + 17) : "w" + i;  // row 1's value lies past the 20-bit hint
        return new Object[] {i, i % 3 == 0 ? null : "label " + i, i % 4 == 0 ? null : i * 1_000_003L, wide, -i};
    }

    private static RowSet rowSet(int rows) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            bodies.add(dataRow(values(i)));
        }
        return RowSet.of(RawRows.of(COLUMNS, Codecs.DEFAULT, bodies));
    }

    private static byte[] dataRow(Object[] values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(2).putShort((short) values.length).array());
        for (Object v : values) {
            byte[] bytes = switch (v) {
                case null -> null;
                case Integer n -> ByteBuffer.allocate(4).putInt(n).array();
                case Long n -> ByteBuffer.allocate(8).putLong(n).array();
                case String s -> s.getBytes(StandardCharsets.UTF_8);
                default -> throw new IllegalArgumentException(String.valueOf(v));
            };
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
            if (bytes != null) {
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    private static void assertColumn(Row row, int r, int c) {
        Object expected = values(r)[c];
        assertThat(row.isNull(c)).as("row %d column %d null", r, c).isEqualTo(expected == null);
        assertThat(row.get(c)).as("row %d column %d", r, c).isEqualTo(expected);
        if (expected instanceof Integer n) {
            assertThat(row.intValue(c)).isEqualTo(n);
        } else if (expected instanceof Long n) {
            assertThat(row.longValue(c)).isEqualTo(n);
        } else if (expected instanceof String s) {
            assertThat(row.getString(c)).isEqualTo(s);
        }
    }

    @Test
    void everyOrderOfColumnsReadsTheValuesPutIn() {
        RowSet set = rowSet(6);
        int[][] orders = {{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 2, 0, 4, 4, 1, 3, 3}, {4, 0, 4, 0}, {3, 4, 1, 4}};
        for (int r = 0; r < set.size(); r++) {
            for (int[] order : orders) {
                Row row = set.row(r);  // a fresh row remembers nothing yet
                for (int c : order) {
                    assertColumn(row, r, c);
                }
            }
        }
    }

    @Test
    void randomReadsOnOneRowMatchFreshReads() {
        RowSet set = rowSet(6);
        Random random = new Random(26);
        for (int r = 0; r < set.size(); r++) {
            Row row = set.row(r);
            List<Integer> read = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                int c = random.nextInt(COLUMNS.length);
                read.add(c);
                assertThat(row.get(c)).as("row %d after reading columns %s", r, read)
                        .isEqualTo(set.row(r).get(c));
            }
        }
    }

    @Test
    void aColumnOutsideTheRowFailsAfterAnyRead() {
        Row row = rowSet(2).row(1);
        assertThat(row.getString(3)).hasSize((1 << 20) + 17);
        assertThatThrownBy(() -> row.get(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> row.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(row.intValue(4)).isEqualTo(-1);
        assertThat(Arrays.asList(row.get(0), row.get(4))).containsExactly(1, -1);
    }
}
