package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgException;
import io.spool.pg.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Cron in SQL ({@code cron_previous}, behind {@code tick_schedules()}) gives the ticks Java's {@link Cron} gives:
 * compared on thousands of (expression, zone, instant) cases, many around daylight-saving changes, and on
 * expressions both must refuse.
 */
@ExtendWith(PostgresExtension.class)
class SqlCronTest {
    private static final String SCHEMA = "tasks_sql_cron";
    private static final List<String> EXPRESSIONS = List.of(
            "* * * * *", "*/15 * * * *", "5/20 9-10 * * *", "0 9 * * MON-FRI", "30 8,20 1 JAN,jul *", "@daily",
            "@hourly", "@weekly", "@monthly", "@yearly", "0 0 13 * 5", "0 12 * * 7", "0 30 2 * * *",
            "*/10 * * * * *", "15,45 * 1-3 * * ?", "0 0 29 2 *", "0 0 30 2 *", "0 2-3 * * *", "45 1 * * SUN",
            "0 0 L * *".replace("L", "31"), "0 */7 * * 1-5", "59 23 31 12 *", "0 0 1-7 * MON", "7 3 * * *");
    private static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/New_York",
            "Australia/Lord_Howe", "Asia/Kolkata", "+05:30", "UTC-03:00", "Z");
    /** Daylight-saving changes (UTC) of the zones above, in 2026. */
    private static final List<Instant> CHANGES = List.of(Instant.parse("2026-03-29T01:00:00Z"),
            Instant.parse("2026-10-25T01:00:00Z"), Instant.parse("2026-03-08T07:00:00Z"),
            Instant.parse("2026-11-01T06:00:00Z"), Instant.parse("2026-04-04T15:00:00Z"),
            Instant.parse("2026-10-03T15:30:00Z"));
    private final TestDatabase db;
    private Application app;

    SqlCronTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        app = Fixtures.app(db, SCHEMA);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void sqlAndJavaGiveTheSamePreviousTick() {
        Random random = new Random(25);
        List<Instant> instants = new ArrayList<>();
        for (Instant change : CHANGES) {
            for (long m = -150; m <= 200; m += 13) {
                instants.add(change.plusSeconds(m * 60 + random.nextInt(60)));
            }
        }
        for (int i = 0; i < 40; i++) {
            instants.add(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextLong(4L * 365 * 86400)));
        }
        List<String> crons = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        List<Instant> ats = new ArrayList<>();
        for (String e : EXPRESSIONS) {
            for (String z : ZONES) {
                for (int i = 0; i < 12; i++) {
                    crons.add(e);
                    zones.add(z);
                    ats.add(instants.get(random.nextInt(instants.size())));
                }
            }
        }
        List<Row> rows = app.pool().query("SELECT u.i, " + SCHEMA + ".cron_previous(u.c, u.z, u.a) FROM unnest($1::text[], "
                + "$2::text[], $3::timestamptz[]) WITH ORDINALITY AS u(c, z, a, i) ORDER BY u.i",
                crons.toArray(String[]::new), zones.toArray(String[]::new), ats.toArray(Instant[]::new));
        assertThat(rows).hasSize(crons.size());
        int compared = 0;
        for (int i = 0; i < crons.size(); i++) {
            Optional<ZonedDateTime> java = Cron.parse(crons.get(i)).previous(ats.get(i).atZone(ZoneId.of(zones.get(i))));
            Instant sql = rows.get(i).isNull(1) ? null : rows.get(i).get(1, OffsetDateTime.class).toInstant();
            assertThat(sql).as("%s in %s at %s", crons.get(i), zones.get(i), ats.get(i))
                    .isEqualTo(java.map(ZonedDateTime::toInstant).orElse(null));
            compared++;
        }
        assertThat(compared).isEqualTo(EXPRESSIONS.size() * ZONES.size() * 12);
    }

    @Test
    void sqlRefusesTheExpressionsJavaRefusesWithTheSameMessage() {
        for (String bad : List.of("61 * * * *", "* * * *", "* * * * * * *", "5-1 * * * *", "x * * * *",
                "* * * FOO *", "*/0 * * * *", "* * 0 * *", "1,,2 * * * *", "99999999999 * * * *", "")) {
            Throwable java = catchThrowable(() -> Cron.parse(bad));
            Throwable sql = catchThrowable(() -> app.pool().query("SELECT " + SCHEMA + ".cron_fields($1)", bad));
            assertThat(java).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThat(sql).as(bad).isInstanceOf(PgException.class);
            assertThat(((PgException) sql).sqlState()).isEqualTo("22023");
            assertThat(((PgException) sql).serverMessage()).as(bad).isEqualTo(java.getMessage());
        }
    }

    @Test
    void tickSchedulesFiresDueSchedulesOnceAndSkipsBadOnes() throws Exception {
        app.schedule(Schedule.of("every-second", "* * * * * *", "beat"));
        app.schedule(Schedule.of("yearly", "@yearly", "beat"));
        app.pool().execute("INSERT INTO " + SCHEMA + ".schedules (name, cron, task_name) VALUES ('broken', 'nope', 'x')");
        Thread.sleep(1100);
        String tick = "SELECT coalesce(string_agg(schedule, ','), '') FROM " + SCHEMA + ".tick_schedules()";
        assertThat(app.pool().query(tick).row(0).getString(0)).isEqualTo("every-second");
        assertThat(app.pool().query(tick).row(0).getString(0)).as("the same tick again").isEmpty();
        Fixtures.eventually(Duration.ofSeconds(5), "the next second's tick",
                () -> app.pool().query(tick).row(0).getString(0).equals("every-second"));
        assertThat(app.pool().query("SELECT count(*) FROM " + SCHEMA + ".tasks WHERE name = 'beat'").row(0).getLong(0))
                .isEqualTo(2);
        assertThat(app.pool().query("SELECT count(*) FROM " + SCHEMA + ".schedule_ticks WHERE tick > spawned_at")
                .row(0).getLong(0)).isZero();
    }
}
