package io.spool.tasks;

import io.spool.pg.Row;
import io.spool.pg.RowSet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A worker's upkeep, on threads of its own with their own {@link #start()} and {@link #stop()}: it fires periodic
 * schedules and applies retention. Ticks follow the database's clock, never the worker's: each round reads
 * {@code now()} with the schedules, and the worker's {@link Clock} only measures how far it is off (logged once
 * it passes a second), so a worker whose clock runs fast neither fires early nor silences a schedule.
 */
final class Maintainer {
    private static final System.Logger LOG = System.getLogger(Maintainer.class.getName());
    /** A skew worth a warning: beyond it a worker that trusted its clock would fire visibly early or late. */
    private static final Duration SKEW_WARNING = Duration.ofSeconds(1);

    private final Application app;
    private final String workerId;
    private final Clock clock;
    private final boolean schedules;
    private final boolean cleanup;
    private final StopSignal signal = new StopSignal();
    private final List<Thread> threads = new ArrayList<>();
    /** The database's clock minus the worker's, as last measured. */
    private volatile Duration skew = Duration.ZERO;

    Maintainer(Application app, String workerId, Clock clock, boolean schedules, boolean cleanup) {
        this.app = app;
        this.workerId = workerId;
        this.clock = clock;
        this.schedules = schedules;
        this.cleanup = cleanup && app.config().retention().enabled();
    }

    void start() {
        if (schedules) {
            threads.add(Thread.ofVirtual().name("spool-tasks-schedule-" + workerId).start(this::scheduleLoop));
        }
        if (cleanup) {
            threads.add(Thread.ofVirtual().name("spool-tasks-cleanup-" + workerId).start(this::cleanupLoop));
        }
    }

    /** Stops the loops and joins them. */
    void stop() {
        signal.stop();
        for (Thread t : threads) {
            StopSignal.join(t, 2000);
        }
    }

    /** The database's clock minus the worker's at the last round of schedules. */
    Duration skew() {
        return skew;
    }

    /**
     * One round: for each enabled schedule whose latest tick (by the database's clock) is newer than the last one
     * spawned, asks {@code spawn_scheduled} to spawn it (exactly once however many workers ask). Returns how long
     * to wait for the next tick of any schedule (at most 5 s, to see new schedules).
     */
    Duration fireDue(Map<String, Cron> crons) {
        Instant local = clock.instant();
        RowSet rows = app.pool().query(app.sql.dueSchedules);
        Duration wait = Duration.ofSeconds(5);
        Instant now = null;
        for (Row r : rows) {
            Rows.DueSchedule s = Rows.due(r);
            now = s.databaseNow();
            Cron cron;
            ZonedDateTime here;
            try {  // a bad row (written by hand, say) skips that schedule, not the others
                cron = crons.computeIfAbsent(s.cron(), Cron::parse);
                here = now.atZone(ZoneId.of(s.zone()));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "schedule " + s.name() + " is skipped: " + e.getMessage());
                continue;
            }
            Instant from = s.since();
            Optional<ZonedDateTime> due = cron.previous(here);
            if (due.isPresent() && due.get().toInstant().isAfter(from)) {
                app.pool().query(app.sql.spawnScheduled, s.name(), due.get().toInstant());
            }
            Optional<ZonedDateTime> next = cron.next(here);
            if (next.isPresent()) {
                Duration untilNext = Duration.between(now, next.get().toInstant()).plusMillis(5);
                wait = untilNext.compareTo(wait) < 0 ? untilNext : wait;
            }
        }
        if (now != null) {
            measured(Duration.between(local, now));
        }
        return wait;
    }

    private void measured(Duration newSkew) {
        Duration old = skew;
        skew = newSkew;
        if (newSkew.abs().compareTo(SKEW_WARNING) > 0 && old.minus(newSkew).abs().compareTo(SKEW_WARNING) > 0) {
            LOG.log(System.Logger.Level.WARNING, "worker " + workerId + ": its clock is " + newSkew.negated().toMillis()
                    + " ms off the database's; schedules follow the database's clock");
        }
    }

    private void scheduleLoop() {
        Map<String, Cron> crons = new HashMap<>();
        while (signal.running()) {
            Duration wait;
            try {
                wait = fireDue(crons);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "worker " + workerId + " could not fire schedules: " + e.getMessage());
                wait = Duration.ofSeconds(1);
            }
            if (!signal.pause(Math.max(TimeUnit.MILLISECONDS.toNanos(10), wait.toNanos()))) {
                return;
            }
        }
    }

    private void cleanupLoop() {
        long interval = app.config().retention().interval().toNanos();
        while (signal.pause(interval)) {
            try {
                int n = app.cleanup();
                if (n > 0) {
                    LOG.log(System.Logger.Level.DEBUG, "worker " + workerId + " removed " + n + " finished tasks");
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "worker " + workerId + " could not clean up: " + e.getMessage());
            }
        }
    }
}
