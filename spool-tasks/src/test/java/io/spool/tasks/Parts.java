package io.spool.tasks;

import io.spool.pg.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * A worker's parts wired as {@link Worker} wires them, none started, for tests of one part at a time: the part
 * under test runs for real, and the others are there (unstarted) because the runs refer to them.
 */
record Parts(Application app, String workerId, ActiveRuns runs, BatchCompleter completer, RunExecutor executor,
             LeaseKeeper keeper, Claimer claimer) {

    static Parts of(Application app, String workerId, String queue, int concurrency, int claimAhead) {
        ActiveRuns runs = new ActiveRuns();
        BatchCompleter completer = new BatchCompleter(app, workerId, runs);
        RunExecutor executor = new RunExecutor(workerId, runs, completer);
        LeaseKeeper keeper = new LeaseKeeper(app, workerId, runs);
        Claimer claimer = new Claimer(app, workerId, queue, concurrency, claimAhead, 500, runs, executor, keeper);
        return new Parts(app, workerId, runs, completer, executor, keeper, claimer);
    }

    /** Claims up to {@code n} runs in SQL as this worker and holds them (as the claimer would, without starting them). */
    List<RunContext> claim(String queue, int n) {
        List<RunContext> out = new ArrayList<>();
        long now = System.nanoTime();
        for (Row r : app.pool().query(app.sql.claim, queue, workerId, n, null)) {
            RunContext ctx = new RunContext(app, workerId, keeper, claimer, Rows.claimed(r), queue, now);
            runs.add(ctx);
            out.add(ctx);
        }
        return out;
    }

    String state(long taskId) {
        return app.result(taskId).orElseThrow().state().sql();
    }
}
