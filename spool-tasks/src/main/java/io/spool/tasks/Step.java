package io.spool.tasks;

/** The body of a durable step (see {@link TaskContext#step}): runs once per task, its value is stored. */
@FunctionalInterface
public interface Step<T> {
    T run() throws Exception;
}
