package io.spool.tasks;

/**
 * A {@link TaskHandler} whose params arrive already read from JSON as a {@code P} and whose result is written
 * back as JSON; see {@link Worker#registerJson}.
 */
@FunctionalInterface
public interface JsonTaskHandler<P, R> {
    R handle(TaskContext ctx, P params) throws Exception;
}
