package io.spool.memes.jobs;

/**
 * Where a job is: still {@link Waiting} (state {@code pending} or {@code running}), {@link Done} with its image,
 * or {@link Failed} with the HTTP status and message of the render error (a 4xx for a request that can never
 * render, 500 for an error of the service itself, 410 for a cancelled job).
 */
public sealed interface JobStatus {
    String id();

    record Waiting(String id, String state) implements JobStatus {
    }

    record Done(String id, byte[] image, String mediaType, String etag) implements JobStatus {
    }

    record Failed(String id, int status, String error) implements JobStatus {
    }
}
