package io.spool.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * A stateless loop over one {@link Selector}: it drives {@link Pollable}s by polling them, waiting for exactly
 * what their last answers asked for (a channel's readiness, a deadline, a wake-up), and polling again. It keeps
 * no callbacks: each round's waiting set is rebuilt from the answers of that round. One thread drives a loop at
 * a time ({@link #run}, {@link #gather} or {@link #serve}); other threads hand it work with {@link #spawn},
 * which returns a future completed by the loop thread.
 */
public final class Loop implements AutoCloseable {
    private final Selector selector;
    private final ConcurrentLinkedQueue<Spawned<?>> incoming = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    private volatile Thread thread;

    private Loop(Selector selector) {
        this.selector = selector;
    }

    public static Loop open() throws IOException {
        return new Loop(Selector.open());
    }

    /** Drives {@code pollable} until it is ready and returns its value; its exceptions propagate. */
    public <T> T run(Pollable<T> pollable) throws IOException {
        return gather(List.of(pollable)).get(0);
    }

    /**
     * Drives all {@code pollables} at once on this thread and returns their values in order, or throws the
     * first failure (the others are abandoned, and their channels no longer waited on).
     */
    public <T> List<T> gather(List<? extends Pollable<? extends T>> pollables) throws IOException {
        Object[] results = new Object[pollables.size()];
        Drive drive = new Drive(pollables.size());
        try {
            while (drive.remaining > 0) {
                for (int i = 0; i < pollables.size(); i++) {
                    if (drive.due(i)) {
                        Poll<? extends T> answer = pollables.get(i).poll();
                        if (answer instanceof Poll.Ready<? extends T> ready) {
                            results[i] = ready.value();
                            drive.finish(i);
                        } else {
                            drive.wait(i, (Poll.Pending<?>) answer);
                        }
                    }
                }
                if (drive.remaining > 0) {
                    drive.select();
                }
            }
        } finally {
            drive.release();
        }
        @SuppressWarnings("unchecked")
        List<T> values = (List<T>) Arrays.asList(results);
        return values;
    }

    /**
     * Hands work to the loop from any thread: {@code start} is called on the loop thread (so it may touch
     * state the loop thread owns, like a connection) and the pollable it returns is driven there; the future
     * completes with its value or failure.
     */
    public <T> CompletableFuture<T> spawn(Supplier<? extends Pollable<T>> start) {
        Spawned<T> s = new Spawned<>(start);
        if (closed) {
            s.future.completeExceptionally(new IllegalStateException("the loop is closed"));
            return s.future;
        }
        incoming.add(s);
        selector.wakeup();
        return s.future;
    }

    /** Drives spawned work on this thread until {@link #close()}. */
    public void serve() throws IOException {
        thread = Thread.currentThread();
        List<Spawned<?>> active = new ArrayList<>();
        Drive drive = null;
        while (!closed) {
            Spawned<?> s;
            boolean added = false;
            while ((s = incoming.poll()) != null) {
                if (s.begin()) {
                    active.add(s);
                    added = true;
                }
            }
            if (added || drive == null) {
                if (drive != null) {
                    drive.release();
                }
                drive = new Drive(active.size());
            }
            for (int i = 0; i < active.size(); i++) {
                Spawned<?> a = active.get(i);
                if (a.future.isDone() || !drive.due(i)) {
                    continue;
                }
                try {
                    Poll<?> answer = a.pollable.poll();
                    if (answer instanceof Poll.Ready<?> ready) {
                        a.complete(ready.value());
                        drive.finish(i);
                    } else {
                        drive.wait(i, (Poll.Pending<?>) answer);
                    }
                } catch (IOException | RuntimeException e) {
                    a.future.completeExceptionally(e);
                    drive.finish(i);
                }
            }
            if (active.removeIf(a -> a.future.isDone())) {
                drive.release();
                drive = new Drive(active.size());  // indices changed: everything is polled again once
                continue;
            }
            if (!incoming.isEmpty()) {
                continue;
            }
            if (active.isEmpty()) {
                selector.select();  // idle: sleep until spawn() or close() wakes us
                selector.selectedKeys().clear();
            } else {
                drive.select();
            }
        }
        if (drive != null) {
            drive.release();
        }
        for (Spawned<?> a : active) {
            a.future.completeExceptionally(new IllegalStateException("the loop was closed"));
        }
    }

    /** Starts a platform thread that {@link #serve}s this loop. */
    public Thread startThread(String name) {
        Thread t = Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                serve();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        thread = t;
        return t;
    }

    /** True when called on the thread serving this loop. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** A pollable that fails with {@link PollTimeoutException} if {@code pollable} is not ready within {@code timeout}. */
    public static <T> Pollable<T> timeout(Pollable<T> pollable, Duration timeout) {
        Objects.requireNonNull(pollable, "pollable");
        return new Pollable<>() {
            private long deadline = -1;

            @Override
            public Poll<T> poll() throws IOException {
                long now = System.nanoTime();
                if (deadline < 0) {
                    deadline = now + timeout.toNanos();
                }
                Poll<T> answer = pollable.poll();
                if (answer instanceof Poll.Pending<T> pending) {
                    if (now - deadline >= 0) {
                        throw new PollTimeoutException(timeout);
                    }
                    return pending.until(deadline);
                }
                return answer;
            }
        };
    }

    /** A pollable that becomes ready (with {@code null}) once {@code duration} has passed since its first poll. */
    public static Pollable<Void> sleep(Duration duration) {
        return new Pollable<>() {
            private long deadline = -1;

            @Override
            public Poll<Void> poll() {
                long now = System.nanoTime();
                if (deadline < 0) {
                    deadline = now + duration.toNanos();
                }
                return now - deadline >= 0 ? Poll.ready(null) : Poll.pendingUntil(deadline);
            }
        };
    }

    /** A pollable for a future completed elsewhere; its completion wakes this loop. */
    public <T> Pollable<T> await(CompletableFuture<T> future) {
        future.whenComplete((v, e) -> selector.wakeup());
        return () -> {
            if (!future.isDone()) {
                return Poll.pendingWakeup();
            }
            try {
                return Poll.ready(future.join());
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
            }
        };
    }

    /** Runs blocking or CPU work on {@code executor}; the pollable is ready with its result, waking this loop. */
    public <T> Pollable<T> submit(Executor executor, Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return await(future);
    }

    /** Stops {@link #serve} and closes the selector. */
    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        selector.close();
    }

    /** A unit of work handed over by {@link #spawn}. */
    private static final class Spawned<T> {
        final Supplier<? extends Pollable<T>> start;
        final CompletableFuture<T> future = new CompletableFuture<>();
        Pollable<T> pollable;

        Spawned(Supplier<? extends Pollable<T>> start) {
            this.start = start;
        }

        /** Makes the pollable on the loop thread; false (and the future failed) if that throws. */
        boolean begin() {
            try {
                pollable = start.get();
                return true;
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
                return false;
            }
        }

        @SuppressWarnings("unchecked")
        void complete(Object value) {
            future.complete((T) value);
        }
    }

    /**
     * One round's waiting set, rebuilt from the answers: which channel each pollable waits on and with what
     * interest, the earliest deadline, and after the select which pollables are due to be polled again.
     */
    private final class Drive {
        private final SelectableChannel[] channels;
        private final int[] ops;
        private final long[] deadlines;
        private final boolean[] due;
        private final boolean[] done;
        int remaining;
        private final List<SelectionKey> touched = new ArrayList<>();

        Drive(int n) {
            channels = new SelectableChannel[n];
            ops = new int[n];
            deadlines = new long[n];
            due = new boolean[n];
            done = new boolean[n];
            Arrays.fill(due, true);
            remaining = n;
        }

        boolean due(int i) {
            return !done[i] && due[i];
        }

        void finish(int i) {
            done[i] = true;
            due[i] = false;
            channels[i] = null;
            remaining--;
        }

        void wait(int i, Poll.Pending<?> pending) {
            due[i] = false;
            channels[i] = pending.channel();
            deadlines[i] = pending.deadlineNanos();
            if (pending.channel() != null) {
                int op = pending.interest().selectionOps();
                if (op == SelectionKey.OP_WRITE && pending.channel() instanceof SocketChannel sc && sc.isConnectionPending()) {
                    op = SelectionKey.OP_CONNECT;
                }
                ops[i] = op;
            }
        }

        /** Registers this round's interests, selects until something is ready or a deadline passes, marks who is due. */
        void select() throws IOException {
            for (SelectionKey k : touched) {
                if (k.isValid()) {
                    k.interestOps(0);
                }
            }
            touched.clear();
            long nearest = Poll.NO_DEADLINE;
            boolean somethingToWaitFor = false;
            for (int i = 0; i < channels.length; i++) {
                if (done[i] || due[i]) {
                    continue;
                }
                nearest = Math.min(nearest, deadlines[i]);
                SelectableChannel ch = channels[i];
                if (ch == null) {
                    somethingToWaitFor = true;  // a timer or a wake-up
                    continue;
                }
                if (ch.isBlocking()) {
                    throw new IllegalArgumentException("a pollable waits on a channel in blocking mode; "
                            + "configure it nonblocking before polling");
                }
                try {
                    SelectionKey key = ch.keyFor(selector);
                    if (key == null || !key.isValid()) {
                        key = ch.register(selector, ops[i]);
                    } else {
                        key.interestOps(key.interestOps() | ops[i]);
                    }
                    touched.add(key);
                    somethingToWaitFor = true;
                } catch (ClosedChannelException | CancelledKeyException e) {
                    due[i] = true;  // closed between polls: its next poll reports what happened
                }
            }
            for (boolean d : due) {
                if (d) {
                    return;  // something can be polled at once
                }
            }
            if (!somethingToWaitFor) {
                return;
            }
            long now = System.nanoTime();
            if (nearest == Poll.NO_DEADLINE) {
                selector.select();
            } else if (nearest - now <= 0) {
                selector.selectNow();
            } else {
                selector.select(Math.max(1, (nearest - now + 999_999) / 1_000_000));
            }
            now = System.nanoTime();
            for (int i = 0; i < channels.length; i++) {
                if (done[i] || due[i]) {
                    continue;
                }
                SelectableChannel ch = channels[i];
                if (ch == null) {
                    due[i] = true;  // woken or timed out: cheap to ask again
                    continue;
                }
                SelectionKey key = ch.keyFor(selector);
                boolean ready = key == null || !key.isValid() || (selector.selectedKeys().contains(key)
                        && (key.readyOps() & ops[i]) != 0);
                if (ready || now - deadlines[i] >= 0) {
                    due[i] = true;
                }
            }
            selector.selectedKeys().clear();
        }

        /** No longer waits on any channel this drive registered interest for. */
        void release() {
            for (SelectionKey k : touched) {
                if (k.isValid()) {
                    k.interestOps(0);
                }
            }
            touched.clear();
        }
    }
}
