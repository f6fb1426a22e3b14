package io.spool.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds and stops a PostgreSQL server that a killed process left running on a data directory. A JVM killed with
 * SIGKILL cannot stop the postmaster it started; that server keeps {@code postmaster.pid} and the directory, so
 * the next start would fail. The pid file names the process; it is stopped only when it really is a
 * {@code postgres} whose working directory is this data directory (the postmaster changes into it), by SIGINT,
 * PostgreSQL's fast shutdown (a checkpoint, then exit; {@code pg_ctl stop -m fast} sends the same, but refuses to
 * run as root), and if that has not ended it within 30 s, SIGQUIT, the immediate shutdown whose WAL the next
 * start replays.
 */
final class LeftoverPostmaster {
    private static final System.Logger LOG = System.getLogger(LeftoverPostmaster.class.getName());
    /** How long a fast shutdown (a checkpoint, then exit) may take before an immediate one is asked for. */
    private static final Duration FAST_STOP_WAIT = Duration.ofSeconds(30);
    /** How long an immediate shutdown may take before the start gives up. */
    private static final Duration IMMEDIATE_STOP_WAIT = Duration.ofSeconds(10);

    private LeftoverPostmaster() {}

    /** Stops the server running on {@code dataDir}, if any; returns whether there was one. */
    static boolean stopIfRunning(Path dataDir) {
        Optional<ProcessHandle> leftover = find(dataDir);
        if (leftover.isEmpty()) {
            return false;
        }
        ProcessHandle postmaster = leftover.get();
        LOG.log(System.Logger.Level.WARNING, "a PostgreSQL left over from an earlier run (pid " + postmaster.pid()
                + ") holds " + dataDir + "; stopping it");
        if (!signal(postmaster, "INT")) {
            postmaster.destroy();   // SIGTERM, a smart shutdown: the killed run's sessions are gone already
        }
        if (!awaitExit(postmaster, FAST_STOP_WAIT)) {
            // an immediate shutdown skips the checkpoint; the next start replays the WAL, so nothing is lost
            LOG.log(System.Logger.Level.WARNING, "pid " + postmaster.pid() + " did not stop within "
                    + FAST_STOP_WAIT.toSeconds() + " s; asking for an immediate shutdown");
            signal(postmaster, "QUIT");
            if (!awaitExit(postmaster, IMMEDIATE_STOP_WAIT)) {
                throw new IllegalStateException("the PostgreSQL left over on " + dataDir + " (pid "
                        + postmaster.pid() + ") did not stop; stop it, then start again");
            }
        }
        return true;
    }

    /** The live postmaster of {@code dataDir} named by its {@code postmaster.pid}, if there is one. */
    static Optional<ProcessHandle> find(Path dataDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dataDir.resolve("postmaster.pid") + ": " + e.getMessage(), e);
        }
        long pid;
        try {
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return Optional.empty();   // half-written: PostgreSQL itself judges it on start
        }
        return ProcessHandle.of(pid).filter(p -> isPostmasterOf(p, dataDir));
    }

    private static boolean isPostmasterOf(ProcessHandle process, Path dataDir) {
        boolean isPostgres = process.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        if (!isPostgres) {
            return false;   // the pid was reused by another program: the pid file is stale, PostgreSQL handles it
        }
        try {
            Path cwd = Path.of("/proc", Long.toString(process.pid()), "cwd").toRealPath();
            return cwd.equals(dataDir.toRealPath());
        } catch (IOException e) {
            return false;   // no /proc access to it: not ours to stop
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    /** Sends a signal with kill(1), which the JDK's ProcessHandle cannot send; false when that did not work. */
    private static boolean signal(ProcessHandle process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
