package io.spool.pg;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class CopyAndCancelTest {
    private final TestDatabase db;
    private PgConnection conn;

    CopyAndCancelTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void connect() {
        conn = PgConnection.connect(db.url());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    /** Generates "i\tname-i\n" lines for i in [0, rows) without holding them in memory. */
    static InputStream lines(int rows) {
        return new InputStream() {
            private int next;
            private byte[] line = new byte[0];
            private int pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos == line.length) {
                    if (next == rows) {
                        return -1;
                    }
                    line = (next + "\tnäme-" + next + "\n").getBytes(StandardCharsets.UTF_8);
                    next++;
                    pos = 0;
                }
                int n = Math.min(len, line.length - pos);
                System.arraycopy(line, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    @Test
    void copyInStreamsAMillionRowsAndCopyOutStreamsThemBack() {
        conn.execute("DROP TABLE IF EXISTS cc_copy; CREATE UNLOGGED TABLE cc_copy (id int, name text)");
        assertThat(conn.copyIn("COPY cc_copy FROM STDIN", lines(1_000_000))).isEqualTo(1_000_000);
        assertThat(conn.query("SELECT count(*), sum(id) FROM cc_copy").row(0).getLong(1)).isEqualTo(499_999_500_000L);

        long[] bytes = {0};
        long[] newlines = {0};
        OutputStream counter = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n') {
                        newlines[0]++;
                    }
                }
            }
        };
        assertThat(conn.copyOut("COPY cc_copy TO STDOUT", counter)).isEqualTo(1_000_000);
        assertThat(newlines[0]).isEqualTo(1_000_000);
        assertThat(bytes[0]).isGreaterThan(15_000_000);
    }

    @Test
    void badCopyDataFailsTheCopyStoresNothingAndKeepsTheConnection() {
        conn.execute("DROP TABLE IF EXISTS cc_bad; CREATE TABLE cc_bad (id int)");
        InputStream data = new ByteArrayInputStream("1\n2\nnot-a-number\n4\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> conn.copyIn("COPY cc_bad FROM STDIN", data))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("22P02"));
        assertThat(conn.query("SELECT count(*) FROM cc_bad").row(0).getLong(0)).isZero();
    }

    @Test
    void aSourceThatThrowsUncheckedAbortsTheCopyAndLeavesTheConnectionReady() {
        conn.execute("DROP TABLE IF EXISTS cc_unchecked; CREATE TABLE cc_unchecked (id int)");
        InputStream broken = new InputStream() {
            private int calls;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (calls++ == 0) {
                    b[off] = '1';
                    b[off + 1] = '\n';
                    return 2;
                }
                throw new java.io.UncheckedIOException(new IOException("network share gone"));
            }
        };
        assertThatThrownBy(() -> conn.copyIn("COPY cc_unchecked FROM STDIN", broken))
                .isInstanceOf(PgException.class).hasMessageContaining("network share gone");
        assertThat(conn.transactionStatus()).isEqualTo('I');
        assertThat(conn.query("SELECT count(*) FROM cc_unchecked").row(0).getLong(0)).isZero();
    }

    @Test
    void failingInputStreamAbortsTheCopy() {
        conn.execute("DROP TABLE IF EXISTS cc_abort; CREATE TABLE cc_abort (id int)");
        InputStream broken = new InputStream() {
            private int calls;

            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (calls++ == 0) {
                    b[off] = '1';
                    b[off + 1] = '\n';
                    return 2;
                }
                throw new IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> conn.copyIn("COPY cc_abort FROM STDIN", broken))
                .isInstanceOf(PgException.class).hasMessageContaining("disk gone");
        assertThat(conn.query("SELECT count(*) FROM cc_abort").row(0).getLong(0)).isZero();
    }

    @Test
    void cancelStopsARunningQueryWith57014AndTheConnectionGoesOn() throws Exception {
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                conn.query("SELECT pg_sleep(30)");
                return null;
            } catch (Throwable t) {
                return t;
            }
        }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        Thread.sleep(300);
        long start = System.nanoTime();
        conn.cancel();
        Throwable t = outcome.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(t).isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("57014"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(conn.query("SELECT 5 AS five").row(0).getInteger(0)).isEqualTo(5);
    }

    @Test
    void statementTimeoutCancelsLongStatements() {
        try (PgConnection c = PgConnection.connect(PgConfig.parse(db.url()).withStatementTimeout(Duration.ofMillis(200)))) {
            assertThatThrownBy(() -> c.query("SELECT pg_sleep(5)"))
                    .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("57014"));
            assertThat(c.query("SELECT 1 AS one").row(0).getInteger(0)).isEqualTo(1);
        }
    }
}
