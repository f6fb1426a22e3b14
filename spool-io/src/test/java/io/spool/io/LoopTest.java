package io.spool.io;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loop over real loopback sockets and pipes. */
class LoopTest {
    private Loop loop;
    private ServerSocketChannel server;

    @BeforeEach
    void open() throws IOException {
        loop = Loop.open();
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void close() throws IOException {
        loop.close();
        server.close();
    }

    /** A connected pair: [0] the client side (nonblocking), [1] the accepted side (blocking, for the test to drive). */
    private SocketChannel[] pair() throws IOException {
        SocketChannel client = SocketChannel.open(server.getLocalAddress());
        SocketChannel accepted = server.accept();
        client.configureBlocking(false);
        return new SocketChannel[] {client, accepted};
    }

    /** Reads one '\n'-terminated line from a nonblocking channel, counting its polls. */
    static Pollable<String> readLine(SocketChannel ch, AtomicInteger polls) {
        ByteBuffer buf = ByteBuffer.allocate(1024);
        return () -> {
            polls.incrementAndGet();
            int n = ch.read(buf);
            if (n < 0) {
                throw new IOException("closed before a line");
            }
            for (int i = 0; i < buf.position(); i++) {
                if (buf.get(i) == '\n') {
                    return Poll.ready(new String(buf.array(), 0, i, StandardCharsets.UTF_8));
                }
            }
            return Poll.pending(Interest.READ, ch);
        };
    }

    @Test
    void runWaitsForReadabilityWithoutSpinning() throws Exception {
        SocketChannel[] p = pair();
        AtomicInteger polls = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
                p[1].write(ByteBuffer.wrap("hel".getBytes()));
                Thread.sleep(50);
                p[1].write(ByteBuffer.wrap("lo\n".getBytes()));
            } catch (Exception ignored) {
                // test fails on its own
            }
        });
        assertThat(loop.run(readLine(p[0], polls))).isEqualTo("hello");
        assertThat(polls.get()).as("polled only when readable").isLessThanOrEqualTo(4);
    }

    @Test
    void echoOverAPipeWritesThenReads() throws Exception {
        Pipe pipe = Pipe.open();
        pipe.sink().configureBlocking(false);
        pipe.source().configureBlocking(false);
        ByteBuffer out = ByteBuffer.wrap("ping\n".getBytes());
        Pollable<Void> write = () -> {
            pipe.sink().write(out);
            return out.hasRemaining() ? Poll.pending(Interest.WRITE, pipe.sink()) : Poll.ready(null);
        };
        ByteBuffer in = ByteBuffer.allocate(16);
        Pollable<String> read = () -> {
            pipe.source().read(in);
            return in.position() == 5 ? Poll.ready(new String(in.array(), 0, 4)) : Poll.pending(Interest.READ, pipe.source());
        };
        List<Object> results = loop.gather(List.of(read, write));
        assertThat(results.get(0)).isEqualTo("ping");
        assertThat(results.get(1)).isNull();
    }

    @Test
    void gatherOfAHundredOverTenSocketsOnOneThreadKeepsOrder() throws Exception {
        List<SocketChannel[]> pairs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pairs.add(pair());
        }
        List<Pollable<String>> reads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            SocketChannel ch = pairs.get(i % 10)[0];
            int line = i / 10;
            // ten readers per socket, each waiting for its own line number to appear
            reads.add(sharedLineReader(ch, line));
        }
        Thread.ofVirtual().start(() -> {
            try {
                for (int line = 0; line < 10; line++) {
                    for (int s = 9; s >= 0; s--) {
                        pairs.get(s)[1].write(ByteBuffer.wrap(("line " + line + " of " + s + "\n").getBytes()));
                    }
                    Thread.sleep(5);
                }
            } catch (Exception ignored) {
                // test fails on its own
            }
        });
        List<String> lines = loop.gather(reads);
        for (int i = 0; i < 100; i++) {
            assertThat(lines.get(i)).isEqualTo("line " + (i / 10) + " of " + (i % 10));
        }
    }

    /** Per socket, the lines read so far, shared by the pollables reading it (several waiters on one channel). */
    private final java.util.Map<SocketChannel, StringBuilder> received = new java.util.HashMap<>();

    private Pollable<String> sharedLineReader(SocketChannel ch, int wanted) {
        return () -> {
            StringBuilder text = received.computeIfAbsent(ch, k -> new StringBuilder());
            ByteBuffer buf = ByteBuffer.allocate(4096);
            int n;
            while ((n = ch.read(buf)) > 0) {
                text.append(new String(buf.array(), 0, n, StandardCharsets.UTF_8));
                buf.clear();
            }
            String[] lines = text.toString().split("\n", -1);
            if (lines.length - 1 > wanted) {
                return Poll.ready(lines[wanted]);
            }
            return Poll.pending(Interest.READ, ch);
        };
    }

    @Test
    void gatherFailsFastAndReleasesTheOtherChannels() throws Exception {
        SocketChannel[] quiet = pair();
        Pollable<String> never = readLine(quiet[0], new AtomicInteger());
        Pollable<String> failing = Loop.timeout(Loop.sleep(Duration.ofSeconds(10)).then(v -> "x"), Duration.ofMillis(50));
        long start = System.nanoTime();
        assertThatThrownBy(() -> loop.gather(List.of(never, failing))).isInstanceOf(PollTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        // the abandoned reader's channel is no longer waited on: the same loop serves it again from scratch
        quiet[1].write(ByteBuffer.wrap("late\n".getBytes()));
        assertThat(loop.run(readLine(quiet[0], new AtomicInteger()))).isEqualTo("late");
    }

    @Test
    void timeoutFiresAndDoesNotFireWhenTheWorkIsFaster() throws Exception {
        long start = System.nanoTime();
        assertThatThrownBy(() -> loop.run(Loop.timeout(Loop.sleep(Duration.ofSeconds(5)), Duration.ofMillis(100))))
                .isInstanceOf(PollTimeoutException.class).hasMessageContaining("100 ms");
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(took).isBetween(90L, 1000L);
        assertThat(loop.run(Loop.timeout(Loop.sleep(Duration.ofMillis(20)), Duration.ofSeconds(5)))).isNull();
    }

    @Test
    void sleepIsAccurateAndPolledOnlyAFewTimes() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        Pollable<Void> sleep = Loop.sleep(Duration.ofMillis(120));
        Pollable<Void> counted = () -> {
            polls.incrementAndGet();
            return sleep.poll();
        };
        long start = System.nanoTime();
        loop.run(counted);
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(took).isBetween(115L, 600L);
        assertThat(polls.get()).as("no busy spin").isLessThanOrEqualTo(5);
    }

    @Test
    void awaitedFutureCompletedElsewhereWakesTheLoopPromptly() throws Exception {
        CompletableFuture<String> f = new CompletableFuture<>();
        long start = System.nanoTime();
        Executors.newSingleThreadScheduledExecutor().schedule(() -> f.complete("done"), 100, TimeUnit.MILLISECONDS);
        assertThat(loop.run(loop.await(f))).isEqualTo("done");
        assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isBetween(90L, 1000L);
        String work = loop.run(loop.submit(Executors.newVirtualThreadPerTaskExecutor(), () -> "from a worker"));
        assertThat(work).isEqualTo("from a worker");
        CompletableFuture<String> failed = CompletableFuture.failedFuture(new IllegalStateException("boom"));
        assertThatThrownBy(() -> loop.run(loop.await(failed))).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void aPollableThatClosesItsChannelEndsWithItsOwnError() throws Exception {
        SocketChannel[] p = pair();
        AtomicInteger polls = new AtomicInteger();
        Pollable<String> closing = () -> {
            if (polls.incrementAndGet() == 2) {
                p[0].close();
                throw new IOException("gave up");
            }
            return Poll.pending(Interest.READ, p[0]);
        };
        p[1].write(ByteBuffer.wrap("x".getBytes()));
        assertThatThrownBy(() -> loop.run(closing)).hasMessage("gave up");
        assertThat(loop.run(Loop.sleep(Duration.ofMillis(5)))).isNull();  // the loop is still fine
    }

    @Test
    void blockingChannelIsAClearError() throws Exception {
        SocketChannel[] p = pair();
        p[0].configureBlocking(true);
        assertThatThrownBy(() -> loop.run(() -> Poll.pending(Interest.READ, p[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blocking mode");
    }

    @Test
    void spawnFromOtherThreadsIsDrivenByTheServingThread() throws Exception {
        Thread serving = loop.startThread("test-loop");
        List<CompletableFuture<String>> futures = new ArrayList<>();
        List<String> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            int n = i;
            futures.add(loop.spawn(() -> {
                threads.add(Thread.currentThread().getName());
                return Loop.sleep(Duration.ofMillis(n % 5)).then(v -> "task " + n);
            }));
        }
        for (int i = 0; i < 50; i++) {
            assertThat(futures.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("task " + i);
        }
        assertThat(threads).containsOnly("test-loop");
        CompletableFuture<Object> failing = loop.spawn(() -> () -> {
            throw new IOException("bad");
        });
        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
        loop.close();
        serving.join(5000);
        assertThat(serving.isAlive()).isFalse();
        assertThat(loop.spawn(() -> Loop.sleep(Duration.ZERO)).isCompletedExceptionally()).isTrue();
    }
}
