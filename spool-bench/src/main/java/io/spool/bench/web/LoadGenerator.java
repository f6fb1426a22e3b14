package io.spool.bench.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** What puts load on a server for a while and reports what it got: {@link Wrk} (HTTP/1.1), {@link H2Load} (HTTP/2). */
interface LoadGenerator {
    /** {@code concurrency} requests in flight at once for {@code duration}. */
    Wrk.Sample run(URI uri, int concurrency, Duration duration) throws IOException, InterruptedException;
}
