package io.spool.pg;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results far larger than the heap, in a child JVM with {@code -Xmx64m}: streamed on all three transports,
 * refused with 54000 (the connection still answering) when not streamed, and a shared pool whose reader runs
 * out of memory fails every waiter at once and opens a new connection. The row count is
 * {@code -Dspool.pg.bigRows} (default 10,000,000).
 */
@ExtendWith(PostgresExtension.class)
class BoundedMemoryTest {
    private static final long ROWS = Long.getLong("spool.pg.bigRows", 10_000_000L);
    private final TestDatabase db;

    BoundedMemoryTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void resultsLargerThanTheHeapStreamOnEveryTransportAndAreRefusedWhenNotStreamed() throws Exception {
        List<String> out = child("stream", ROWS);
        for (String transport : List.of("blocking", "poll", "netty")) {
            assertThat(out).as(transport).anyMatch(l -> l.startsWith(transport + "-streamed " + ROWS + " sum-ok"));
            assertThat(out).as(transport).anyMatch(l -> l.startsWith(transport + "-unstreamed 54000 ")
                    && l.contains("max_result_size"));
            assertThat(out).as(transport).contains(transport + "-after select-1=1");
        }
        assertThat(out).contains("blocking-tag SELECT " + ROWS);
    }

    @Test
    void aSharedPoolWhoseReaderRunsOutOfMemoryFailsEveryWaiterAndRecovers() throws Exception {
        List<String> out = child("shared-oom", ROWS);
        for (int i = 0; i < 4; i++) {
            int w = i;
            assertThat(out).as("waiter " + i).anyMatch(l -> l.startsWith("waiter-" + w + " failed 08006")
                    && l.contains("OutOfMemoryError"));
        }
        assertThat(out).contains("pool-after select-1=1");
    }

    private List<String> child(String mode, long rows) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                StreamingChild.class.getName(), mode, db.url(), Long.toString(rows))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();   // stderr (the reader's OOM trace) apart
        List<String> lines = new ArrayList<>();
        try (var reader = p.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println("[child " + mode + "] " + line);
                lines.add(line);
            }
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child exited").isTrue();
        assertThat(p.exitValue()).as("child exit code; output: " + lines).isZero();
        return lines;
    }
}
