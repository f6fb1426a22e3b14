package io.spool.pg;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Multi-dimensional arrays and arrays of types without a codec here, read and sent as Java arrays. */
@ExtendWith(PostgresExtension.class)
class ArraysBothWaysTest {
    private final TestDatabase db;

    ArraysBothWaysTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void multiDimensionalArraysReadAsNestedJavaArraysInBinaryAndText() {
        String sql = "SELECT ARRAY[[1,2,3],[4,NULL,6]], ARRAY[[['a','b c'],[NULL,'{x}']]], '{}'::int4[], "
                + "ARRAY[[1.5,2.5]]::numeric[]";
        try (PgConnection conn = PgConnection.connect(db.url())) {
            Row binary = conn.query(sql).row(0);
            assertThat(binary.get(0)).isEqualTo(new Integer[][] {{1, 2, 3}, {4, null, 6}});
            assertThat(binary.get(1)).isEqualTo(new String[][][] {{{"a", "b c"}, {null, "{x}"}}});
            assertThat(binary.get(2)).isEqualTo(new Integer[0]);
            // text results (simple query) read the same as soon as a Java type is asked for
            for (Row row : new Row[] {binary, conn.simpleQuery(sql).get(0).row(0)}) {
                assertThat(row.get(0, Integer[][].class)).isEqualTo(new Integer[][] {{1, 2, 3}, {4, null, 6}});
                assertThat(row.get(1, String[][][].class)).isEqualTo(new String[][][] {{{"a", "b c"}, {null, "{x}"}}});
                assertThat(row.get(2, Integer[].class)).isEqualTo(new Integer[0]);
                assertThat(row.get(3, double[][].class)).isEqualTo(new double[][] {{1.5, 2.5}});
                assertThat(row.get(0, Long[][].class)).isEqualTo(new Long[][] {{1L, 2L, 3L}, {4L, null, 6L}});
            }
            assertThat(conn.query(sql).row(0).getString(1)).isEqualTo("{{{a,\"b c\"},{NULL,\"{x}\"}}}");
        }
    }

    @Test
    void multiDimensionalArraysAreSentWithTheirShape() {
        try (PgConnection conn = PgConnection.connect(db.url())) {
            Row row = conn.query("SELECT $1::int4[], array_dims($1::int4[]), $2::text[], array_dims($2::text[]), "
                            + "$3::int8[]", new int[][] {{1, 2}, {3, 4}, {5, 6}},
                    new String[][] {{"a", "b c"}, {null, "\"q\""}}, new Object[][] {{"7", "8"}}).row(0);
            assertThat(row.get(0)).isEqualTo(new Integer[][] {{1, 2}, {3, 4}, {5, 6}});
            assertThat(row.getString(1)).isEqualTo("[1:3][1:2]");
            assertThat(row.get(2)).isEqualTo(new String[][] {{"a", "b c"}, {null, "\"q\""}});
            assertThat(row.getString(3)).isEqualTo("[1:2][1:2]");
            assertThat(row.get(4)).isEqualTo(new Long[][] {{7L, 8L}});   // text elements: sent as a literal
            assertThat(conn.query("SELECT cardinality($1::int4[])", (Object) new Integer[][] {{}, {}}).row(0).intValue(0))
                    .isZero();
            assertThatThrownBy(() -> conn.query("SELECT $1::int4[]", (Object) new int[][] {{1, 2}, {3}}))
                    .isInstanceOf(PgException.class).hasMessageContaining("must be rectangular");
        }
    }

    @Test
    void arraysOfTypesWithoutACodecReadAsStringArraysAndAreSentAsStringArrays() {
        try (PgConnection conn = PgConnection.connect(db.url())) {
            conn.execute("DROP TABLE IF EXISTS moods; DROP TYPE IF EXISTS mood; "
                    + "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE moods (id int, m mood[])");
            conn.execute("INSERT INTO moods VALUES (1, $1::mood[])", (Object) new String[] {"sad", "happy"});
            conn.execute("INSERT INTO moods VALUES (2, $1::mood[])", (Object) new String[][] {{"ok", null}, {"sad", "ok"}});
            Row row = conn.query("SELECT m, ARRAY['10.0.0.1'::inet, NULL], m::text FROM moods WHERE id = 1").row(0);
            assertThat(row.get(0)).isEqualTo(new String[] {"sad", "happy"});
            assertThat(row.get(1)).isEqualTo(new String[] {"10.0.0.1", null});
            assertThat(row.get(2)).isEqualTo("{sad,happy}");
            assertThat(row.getString(0)).isEqualTo("{sad,happy}");
            assertThat(conn.query("SELECT m FROM moods WHERE id = 2").row(0).get(0))
                    .isEqualTo(new String[][] {{"ok", null}, {"sad", "ok"}});
            assertThat(conn.query("SELECT m = $1::mood[] FROM moods WHERE id = 1", (Object) new String[] {"sad", "happy"})
                    .row(0).get(0)).isEqualTo(true);
            assertThat(conn.query("SELECT 'ok'::mood").row(0).get(0)).isEqualTo("ok");   // a scalar stays a string
        }
    }
}
