package io.spool.pg.protocol;

import java.util.function.BiConsumer;

/**
 * One operation queued on a {@link PgEngine}: it writes its frontend messages when the engine reaches it, then
 * consumes the backend messages that answer it, in order. It finishes with a result or a {@link EngineException};
 * a listener, if set, is told on the thread that fed the engine the last bytes (the engine has no threads).
 *
 * @param <T> the result type
 */
public abstract class Command<T> {
    private T result;
    private EngineException failure;
    private boolean done;
    private BiConsumer<? super T, ? super EngineException> listener;

    /**
     * Writes this command's messages to {@code out}. Returns false when the command could not be written and
     * has already failed (its failure set), for example a parameter that cannot be encoded.
     */
    protected abstract boolean write(PgEngine engine, WriteBuffer out);

    /**
     * Handles one backend message addressed to this command (never an ErrorResponse, NoticeResponse,
     * NotificationResponse or ParameterStatus: the engine handles those). Returns true on the last message.
     */
    protected abstract boolean handle(MessageReader message, PgEngine engine);

    /** Whether the messages end with a Sync or are a simple Query, so the answer ends with ReadyForQuery. */
    protected boolean endsWithSync() {
        return true;
    }

    /** A barrier holds back the writing of later commands until it is done (startup; preparing a statement). */
    protected boolean isBarrier() {
        return false;
    }

    /**
     * Called when the server answered this command with an ErrorResponse, before the engine skips to its
     * ReadyForQuery; a command that has not written its Sync yet writes it here, or no ReadyForQuery comes.
     */
    protected void onServerError(PgEngine engine) {}

    /** Called once, when the command is done, before the listener runs. */
    protected void onFinish() {}

    /** True (and this command failed with the same error) when {@code statement} could not be prepared. */
    final boolean failedToPrepare(PreparedStatement statement) {
        if (statement.state == PreparedStatement.State.FAILED) {
            setFailure(statement.error);
            return true;
        }
        return false;
    }

    protected final void setResult(T value) {
        this.result = value;
    }

    /** Records the failure; the first one wins. */
    protected final void setFailure(EngineException e) {
        if (failure == null) {
            failure = e;
        }
    }

    final void finish() {
        if (done) {
            return;
        }
        done = true;
        onFinish();
        if (listener != null) {
            listener.accept(failure == null ? result : null, failure);
        }
    }

    /** Sets the completion listener; if the command is already done, it runs now. */
    public final void onComplete(BiConsumer<? super T, ? super EngineException> listener) {
        this.listener = listener;
        if (done) {
            listener.accept(failure == null ? result : null, failure);
        }
    }

    public final boolean isDone() {
        return done;
    }

    public final boolean isFailed() {
        return failure != null;
    }

    public final EngineException failure() {
        return failure;
    }

    /** The result, or throws the failure (with the caller's stack). Only meaningful once {@link #isDone()}. */
    public final T result() {
        if (!done) {
            throw new IllegalStateException("command is not done");
        }
        if (failure != null) {
            throw failure.forCaller();
        }
        return result;
    }
}
