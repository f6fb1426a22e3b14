package io.spool.pg;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values read as String follow the session's TimeZone, DateStyle and IntervalStyle exactly as the server prints
 * them: each binary result (extended query) is compared with the server's own text for the same values (simple
 * query), and text results in every DateStyle read back as the same Java values.
 */
@ExtendWith(PostgresExtension.class)
class SessionSettingsTest {
    private static final String VALUES = "SELECT "
            + "'2024-01-15 12:34:56.789+00'::timestamptz, '2024-07-04 23:59:59+00'::timestamptz, "
            + "'0044-03-15 10:00:00+00 BC'::timestamptz, 'infinity'::timestamptz, "
            + "'2024-02-29 01:02:03.5'::timestamp, '1999-12-31 00:00:00'::timestamp, "
            + "'2024-02-29'::date, '0001-01-01 BC'::date, "
            + "ARRAY['2024-01-15 12:00:00+00'::timestamptz, NULL], ARRAY['2024-03-01'::date], "
            + "'1 year 2 mons 3 days 04:05:06.5'::interval, '-1 year -2 mons'::interval, '-3 days +04:00'::interval, "
            + "'00:00:00'::interval, '1 day -00:00:01.25'::interval, '-00:00:07'::interval, '5 mons 2 days'::interval, "
            + "'-1 days'::interval, '1 year -1 days +2 hours'::interval, ARRAY['1 hour'::interval]";

    private static final List<String> ZONES = List.of("UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata");
    private static final List<String> DATE_STYLES = List.of("ISO, MDY", "ISO, DMY", "SQL, MDY", "SQL, DMY",
            "Postgres, MDY", "Postgres, DMY", "German, DMY");
    private static final List<String> INTERVAL_STYLES = List.of("postgres", "postgres_verbose", "sql_standard", "iso_8601");

    @Test
    void stringsOfBinaryResultsMatchTheServersTextInEverySession(TestDatabase db) {
        int compared = 0;
        try (PgConnection conn = PgConnection.connect(db.url())) {
            for (String zone : ZONES) {
                for (String dateStyle : DATE_STYLES) {
                    for (String intervalStyle : INTERVAL_STYLES) {
                        conn.execute("SET TimeZone = '" + zone + "'; SET DateStyle = '" + dateStyle
                                + "'; SET IntervalStyle = '" + intervalStyle + "'");
                        Row binary = conn.query(VALUES).row(0);
                        Row text = conn.simpleQuery(VALUES).get(0).row(0);
                        for (int i = 0; i < binary.size(); i++) {
                            assertThat(binary.getString(i)).as("column %d with TimeZone %s, DateStyle %s, IntervalStyle %s",
                                    i, zone, dateStyle, intervalStyle).isEqualTo(text.getString(i));
                            compared++;
                        }
                    }
                }
            }
        }
        System.out.printf("session rendering: %d values compared with the server's text%n", compared);
    }

    @Test
    void textResultsInEveryDateStyleReadBackAsTheSameValues(TestDatabase db) {
        String sql = "SELECT '2024-02-29'::date, '0044-03-15 BC'::date, '2024-02-29 01:02:03.5'::timestamp, "
                + "'2024-11-03 01:30:00-05'::timestamptz, '2024-11-03 01:30:00-04'::timestamptz, "
                + "'2024-07-04 23:59:59.25+00'::timestamptz";
        try (PgConnection conn = PgConnection.connect(db.url())) {
            for (String dateStyle : DATE_STYLES) {
                conn.execute("SET TimeZone = 'America/New_York'; SET DateStyle = '" + dateStyle + "'");
                Row binary = conn.query(sql).row(0);
                Row text = conn.simpleQuery(sql).get(0).row(0);
                assertThat(text.getLocalDate(0)).as(dateStyle).isEqualTo(binary.getLocalDate(0));
                assertThat(text.getLocalDate(1)).as(dateStyle).isEqualTo(binary.getLocalDate(1));
                assertThat(text.getLocalDateTime(2)).as(dateStyle).isEqualTo(binary.getLocalDateTime(2));
                for (int i = 3; i < 6; i++) {   // 3 and 4 are the two 01:30 of the autumn overlap (EDT, then EST)
                    assertThat(text.getInstant(i)).as(dateStyle + " column " + i).isEqualTo(binary.getInstant(i));
                }
            }
        }
    }
}
