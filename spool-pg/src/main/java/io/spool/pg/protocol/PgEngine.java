package io.spool.pg.protocol;

import io.spool.pg.types.Codecs;
import io.spool.pg.types.PgTypeException;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sans-I/O PostgreSQL protocol engine: a state machine that turns commands into bytes to send and
 * received bytes into results. It owns no socket, thread or clock; a transport moves {@link #output()} to the
 * server and hands what it reads to {@link #receive}. Commands are written in submission order and answered in
 * that order, so many may be in flight at once (pipelining). Not thread-safe: one driver at a time.
 *
 * <p>Malformed input (a bad length, an unknown message type, a message over {@code maxMessageSize}) poisons the
 * engine: every pending command fails with a {@code 08P01} error and so does every later one.
 */
public final class PgEngine {
    /** Default upper bound on one backend message; a DataRow can hold up to 1 GiB, so big values need more. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 256 << 20;
    /** Default bound of the notification queue (see {@link #notificationLimit(int)}). */
    public static final int DEFAULT_QUEUED_NOTIFICATIONS = 100_000;

    private final int maxMessageSize;
    private final long maxResultSize;
    /** Replaced when the session's TimeZone, DateStyle or IntervalStyle changes; results keep the one they began with. */
    private Codecs codecs;
    private final StatementCache statements;
    private final java.util.Set<Integer> typesLookedUp = new java.util.HashSet<>();
    private final WriteBuffer out = new WriteBuffer(8192);
    private final MessageReader reader = new MessageReader();

    private byte[] in = new byte[16384];
    private int inStart;
    private int inEnd;

    /** Where the connection's opening stands; the host acts on {@link #tlsRequested()}. */
    private enum Opening { NOT_STARTED, AWAITING_TLS_ANSWER, TLS_REQUESTED, STARTED }

    private Opening opening = Opening.NOT_STARTED;
    private ConnectOptions.Tls tlsMode = ConnectOptions.Tls.NONE;
    /** The startup held back while TLS is negotiated. */
    private Startup heldStartup;

    private final ArrayDeque<Command<?>> inFlight = new ArrayDeque<>();
    private final ArrayDeque<Command<?>> unwritten = new ArrayDeque<>();
    private Command<?> barrier;
    private int pipelineLimit = Integer.MAX_VALUE;
    private EngineException poison;
    private boolean terminated;

    private final Map<String, String> serverParameters = new HashMap<>();
    private int processId;
    private int secretKey;
    private char transactionStatus = 'I';
    private String authenticationMethod;

    private final ArrayDeque<ServerNotification> notifications = new ArrayDeque<>();
    private int notificationLimit = DEFAULT_QUEUED_NOTIFICATIONS;
    private long droppedNotifications;
    /** Drops not yet reported to a waiter by {@link #takeUnreportedDrops()}. */
    private long unreportedDrops;
    private java.util.function.LongConsumer overflowListener;
    private Consumer<ServerNotification> notificationListener;
    private Consumer<ErrorFields> noticeListener;

    /** Cancel requests on their way: the one state another thread may change (see {@link #cancelLeaving()}). */
    private final java.util.concurrent.atomic.AtomicInteger cancelsTravelling = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Runnable cancelsArrivedListener;

    public PgEngine() {
        this(DEFAULT_MAX_MESSAGE_SIZE, StatementCache.DEFAULT_CAPACITY, Codecs.DEFAULT);
    }

    public PgEngine(int maxMessageSize, int statementCacheSize, Codecs codecs) {
        this(maxMessageSize, statementCacheSize, defaultMaxResultSize(), codecs);
    }

    /**
     * @param maxResultSize bytes one query's collected result may hold (row bytes plus eight per row); a larger
     *                      result fails that query with SQLSTATE 54000 while the rest is drained and dropped
     */
    public PgEngine(int maxMessageSize, int statementCacheSize, long maxResultSize, Codecs codecs) {
        if (maxMessageSize < 1024) {
            throw new IllegalArgumentException("maxMessageSize must be at least 1024 bytes");
        }
        if (maxResultSize < 1024) {
            throw new IllegalArgumentException("maxResultSize must be at least 1024 bytes");
        }
        this.maxMessageSize = maxMessageSize;
        this.maxResultSize = maxResultSize;
        this.codecs = codecs;
        this.statements = new StatementCache(statementCacheSize);
    }

    // ---- commands ---------------------------------------------------------------------------------------

    /**
     * Queues a command. It is written to {@link #output()} at once unless an earlier barrier is still waiting
     * for its answer. On a poisoned or terminated engine the command fails at once.
     */
    public <C extends Command<?>> C submit(C command) {
        if (poison != null) {
            command.setFailure(poison);
            command.finish();
            return command;
        }
        if (terminated) {
            command.setFailure(new EngineException(SqlState.CONNECTION_DOES_NOT_EXIST, "connection is closed"));
            command.finish();
            return command;
        }
        if (barrier != null || !unwritten.isEmpty() || inFlight.size() >= pipelineLimit || negotiatingTls()
                || holdsBackForCancel()) {
            // nothing may go out before the startup (least of all in plain text), nor while a cancel travels
            unwritten.add(command);
        } else {
            write(command);
        }
        return command;
    }

    // ---- the connection's opening ---------------------------------------------------------------------

    /**
     * Opens the session, once: with TLS asked for, writes an SSLRequest and reads the one-byte answer itself;
     * on 'S' {@link #tlsRequested()} turns true and the host wraps its socket, then calls
     * {@link #tlsEstablished}. Any byte that arrived after the answer and before the handshake is refused: it
     * would otherwise be taken as if it had come over TLS (the CVE-2021-23222 class of injection). On 'N' the
     * startup goes out in plain unless TLS is required. The returned command completes when authentication
     * is over (with a failure for a refused TLS request, an injection, or bad credentials).
     */
    public Startup connect(ConnectOptions options) {
        if (opening != Opening.NOT_STARTED) {
            throw new IllegalStateException("the connection is already opening");
        }
        Startup startup = new Startup(options.user(), options.password(), options.parameters(), null);
        tlsMode = options.tls();
        if (tlsMode == ConnectOptions.Tls.NONE) {
            opening = Opening.STARTED;
            return submit(startup);
        }
        heldStartup = startup;
        opening = Opening.AWAITING_TLS_ANSWER;
        Frontend.sslRequest(out);
        return startup;
    }

    /** True when the server accepted TLS: the host must now run the TLS handshake and call {@link #tlsEstablished}. */
    public boolean tlsRequested() {
        return opening == Opening.TLS_REQUESTED && poison == null;
    }

    /** The host finished the TLS handshake; {@code channelBinding} is the tls-server-end-point hash for SCRAM-PLUS. */
    public void tlsEstablished(byte[] channelBinding) {
        if (opening != Opening.TLS_REQUESTED) {
            throw new IllegalStateException("TLS was not requested by the engine");
        }
        if (inEnd > inStart) {   // fed to the engine before the switch: they did not come over TLS
            refuseInjection(inEnd - inStart);
            return;
        }
        opening = Opening.STARTED;
        heldStartup.channelBinding(channelBinding);
        startHeld();
    }

    /** The startup goes first, ahead of commands queued meanwhile; it is a barrier, so they follow it. */
    private void startHeld() {
        Startup startup = heldStartup;
        heldStartup = null;
        write(startup);
    }

    private boolean negotiatingTls() {
        return opening == Opening.AWAITING_TLS_ANSWER || opening == Opening.TLS_REQUESTED;
    }

    /** The one-byte answer to SSLRequest, alone in the input: anything after it is refused. */
    private void tlsAnswer() {
        byte answer = in[inStart++];
        if (inEnd > inStart) {
            refuseInjection(inEnd - inStart);
            return;
        }
        switch (answer) {
            case BackendMessage.TLS_ACCEPTED -> opening = Opening.TLS_REQUESTED;
            case BackendMessage.TLS_REFUSED -> {
                if (tlsMode == ConnectOptions.Tls.REQUIRE) {
                    poison(new EngineException(SqlState.UNABLE_TO_CONNECT,
                            "the server does not support TLS, but the sslmode requires it"));
                    return;
                }
                opening = Opening.STARTED;
                startHeld();
            }
            default -> poison(new EngineException(SqlState.PROTOCOL_VIOLATION, "the server answered the TLS request "
                    + "with byte " + (answer & 0xFF) + " ('" + printable(answer) + "'); is this a PostgreSQL server?"));
        }
    }

    private void refuseInjection(int count) {
        poison(new EngineException(SqlState.PROTOCOL_VIOLATION, "the server sent " + count + " byte" + (count == 1 ? "" : "s")
                + " after its answer to the TLS request and before the TLS handshake; they are refused, as they "
                + "could have been injected by someone between us and the server (CVE-2021-23222)"));
    }

    /** How the server authenticated the session (trust, password, md5, SCRAM-SHA-256[-PLUS]), once connected. */
    public String authenticationMethod() {
        return authenticationMethod;
    }

    void authenticatedWith(String method) {
        this.authenticationMethod = method;
    }

    /**
     * Caps how many commands are on the wire at once; later ones wait in the engine and are written as
     * answers come back. Bounds the server-side buffering a burst of pipelined queries causes.
     */
    public void pipelineLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("pipeline limit must be at least 1");
        }
        this.pipelineLimit = limit;
        writeUnblocked();
    }

    /**
     * A quarter of the heap this JVM may use: one query's collected result past it is refused with a clear
     * error long before it could exhaust memory (stream bigger results with {@link #stream}).
     */
    public static long defaultMaxResultSize() {
        return Math.max(1 << 20, Runtime.getRuntime().maxMemory() / 4);
    }

    /** Queues a query with parameters through the extended protocol, preparing (and caching) its statement. */
    public ExtendedQuery query(String sql, Object... params) {
        EngineException refused = refusal(sql, params);
        if (refused != null) {
            return refuse(new ExtendedQuery(null, params, true), refused);
        }
        PreparedStatement statement = prepare(sql, params);
        return submit(new ExtendedQuery(statement, params, true));
    }

    /**
     * Queues a query whose rows come in batches of at most {@code fetchSize} (an Execute with a row limit on
     * the unnamed portal; the next batch is asked for only when the caller takes one, see
     * {@link StreamQuery#nextBatch}). It holds back later commands until it is done or closed.
     */
    public StreamQuery stream(String sql, int fetchSize, Object... params) {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetch size must be at least 1, got " + fetchSize);
        }
        EngineException refused = refusal(sql, params);
        if (refused != null) {
            return refuse(new StreamQuery(null, params, fetchSize), refused);
        }
        PreparedStatement statement = prepare(sql, params);
        return submit(new StreamQuery(statement, params, fetchSize));
    }

    /** The protocol's limit: Bind counts parameters in an int16. */
    public static final int MAX_PARAMETERS = 65_535;

    /** Why a statement is refused before anything is sent, or null. */
    private static EngineException refusal(String sql, Object[] params) {
        if (mayBeCopy(sql) && COPY_STREAM.matcher(sql).lookingAt()) {
            // a COPY inside a pipeline would swallow the commands behind it
            return new EngineException(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY FROM STDIN / TO STDOUT is not supported through query(); use copyIn / copyOut");
        }
        return tooManyParameters(params.length);
    }

    private static EngineException tooManyParameters(int count) {
        if (count <= MAX_PARAMETERS) {
            return null;
        }
        return new EngineException(SqlState.PROGRAM_LIMIT_EXCEEDED, "a statement takes at most 65,535 parameters "
                + "(the protocol's limit), " + count + " were given; nothing was sent. Pass an array as one "
                + "parameter (= ANY($1)) or use batch / copyIn");
    }

    private static <C extends Command<?>> C refuse(C command, EngineException why) {
        command.setFailure(why);
        command.finish();
        return command;
    }

    /**
     * Whether {@link #COPY_STREAM} can match at all: only a statement that starts with whitespace, a comment or
     * {@code copy} can. Most statements are told apart by their first character, without a regex run and its
     * Matcher on every query.
     */
    static boolean mayBeCopy(String sql) {
        if (sql.isEmpty()) {
            return false;
        }
        char first = sql.charAt(0);
        return first == '-' || first == '/' || first == ' ' || first == '\t' || first == '\n' || first == '\r'
                || first == '\f' || first == '\u000B' || sql.regionMatches(true, 0, "copy", 0, 4);
    }

    /** A COPY from or to the client, after any whitespace and comments that may come first. */
    private static final java.util.regex.Pattern COPY_STREAM = java.util.regex.Pattern.compile(
            "(?:\\s++|--[^\\n]*+|/\\*.*?\\*/)*+copy\\b.*\\b(stdin|stdout)\\b",   // possessive: no backtracking
            java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

    /**
     * The cached prepared statement for {@code sql} with these parameters' type hints; on a miss a
     * {@link Prepare} barrier is queued first so the statement's types are known when its Bind is written.
     */
    PreparedStatement prepare(String sql, Object[] params) {
        int[] hints = new int[params.length];
        for (int i = 0; i < params.length; i++) {
            hints[i] = codecs.hintOid(params[i]);
        }
        PreparedStatement statement = statements.get(sql, hints);
        if (statement == null) {
            statement = statements.create(sql, hints, evicted -> submit(new CloseStatement(evicted)));
            submit(new Prepare(statement, codecs));
        }
        return statement;
    }

    /** Queues one statement run with many parameter sets under one Sync (all applied, or none). */
    public Batch batch(String sql, java.util.List<Object[]> parameterSets) {
        if (parameterSets.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one parameter set");
        }
        for (Object[] params : parameterSets) {
            EngineException tooMany = tooManyParameters(params.length);
            if (tooMany != null) {
                return refuse(new Batch(null, parameterSets), tooMany);
            }
        }
        PreparedStatement statement = prepare(sql, parameterSets.get(0));
        return submit(new Batch(statement, parameterSets));
    }

    /** Queues a simple-protocol query: text results, and several statements allowed in one string. */
    public SimpleQuery simpleQuery(String sql) {
        return submit(new SimpleQuery(sql, codecs));
    }

    /** Queues Terminate; the transport closes the socket once the output is sent. */
    public void terminate() {
        if (!terminated && poison == null) {
            Frontend.terminate(out);
        }
        terminated = true;
    }

    private void write(Command<?> command) {
        int mark = out.position();
        boolean written;
        try {
            written = command.write(this, out);
        } catch (IllegalArgumentException e) {  // includes PgTypeException: a value the statement cannot take
            out.truncate(mark);
            command.setFailure(new EngineException(e instanceof PgArityException ? "07001" : "22023", e.getMessage(), e));
            written = false;
        }
        if (!written) {
            out.truncate(mark);
            command.finish();
            return;
        }
        inFlight.add(command);
        if (command.isBarrier()) {
            barrier = command;
        }
    }

    private void writeUnblocked() {
        while (barrier == null && poison == null && !unwritten.isEmpty() && inFlight.size() < pipelineLimit
                && !holdsBackForCancel()) {
            write(unwritten.poll());
        }
    }

    // ---- the cancel hold-back ----------------------------------------------------------------------------

    /**
     * Marks a cancel request as leaving for the statement running now (the host decided one runs: on the driving
     * thread {@link #hasPendingCommands()}). Until {@link #cancelArrived()}, commands submitted are held back in
     * the engine: the server drops a cancel that reaches an idle session, but one still travelling when its
     * statement ends would hit the next one. Any thread may call this and {@link #cancelArrived()}, as a cancel
     * is asked from anywhere; everything else stays on the driving thread.
     */
    public void cancelLeaving() {
        cancelsTravelling.incrementAndGet();
    }

    /**
     * The cancel request has reached the server (or failed to). When none travels any more, the listener of
     * {@link #onCancelsArrived} hears it, on this thread, and the host calls {@link #releaseHeldBack()} on the
     * driving thread.
     */
    public void cancelArrived() {
        if (cancelsTravelling.decrementAndGet() == 0) {
            Runnable listener = cancelsArrivedListener;
            if (listener != null) {
                listener.run();
            }
        }
    }

    /** Whether a cancel request travels, so commands submitted now are held back. Any thread. */
    public boolean holdsBackForCancel() {
        return cancelsTravelling.get() > 0;
    }

    /** Whether commands wait, written nowhere yet, for a cancel to arrive (driving thread). */
    public boolean heldBackForCancel() {
        return holdsBackForCancel() && !unwritten.isEmpty() && inFlight.isEmpty();
    }

    /** Writes the commands held back while cancel requests travelled (driving thread); then flush the output. */
    public void releaseHeldBack() {
        writeUnblocked();
    }

    /** Told (on the thread whose cancel arrived last) when no cancel request travels any more. */
    public void onCancelsArrived(Runnable listener) {
        this.cancelsArrivedListener = listener;
    }

    // ---- bytes in and out ------------------------------------------------------------------------------

    /** Bytes waiting to be sent. The transport writes from {@link WriteBuffer#readable()} and then consumes. */
    public WriteBuffer output() {
        return out;
    }

    /** Feeds received bytes and processes every complete message in them. */
    public void receive(byte[] src) {
        receive(src, 0, src.length);
    }

    /** Feeds received bytes and processes every complete message in them. */
    public void receive(byte[] src, int offset, int length) {
        ensureInput(length);
        System.arraycopy(src, offset, in, inEnd, length);
        inEnd += length;
        process();
    }

    public void receive(ByteBuffer src) {
        int n = src.remaining();
        ensureInput(n);
        src.get(in, inEnd, n);
        inEnd += n;
        process();
    }

    /**
     * A buffer with free space to read into directly (no copy); call {@link #received(int)} with the count
     * read. The buffer is valid until the next call on the engine.
     */
    public ByteBuffer readBuffer() {
        ensureInput(8192);
        return ByteBuffer.wrap(in, inEnd, in.length - inEnd);
    }

    public void received(int count) {
        if (count < 0 || count > in.length - inEnd) {
            throw new IllegalArgumentException("received " + count);
        }
        inEnd += count;
        process();
    }

    private void ensureInput(int extra) {
        if (in.length - inEnd >= extra) {
            return;
        }
        int used = inEnd - inStart;
        long wanted = Math.max((long) used + extra, in.length);
        if (wanted > in.length) {
            wanted = Math.max(wanted, Math.min((long) in.length * 2, (long) maxMessageSize + 5 + extra));
        }
        byte[] target = wanted > in.length ? new byte[(int) Math.min(wanted, Integer.MAX_VALUE - 16)] : in;
        System.arraycopy(in, inStart, target, 0, used);
        in = target;
        inStart = 0;
        inEnd = used;
    }

    private void process() {
        try {
            if (opening == Opening.AWAITING_TLS_ANSWER && poison == null && inEnd > inStart) {
                tlsAnswer();
            }
            if (opening == Opening.TLS_REQUESTED && inEnd > inStart) {
                refuseInjection(inEnd - inStart);   // the host fed bytes that did not come through TLS
            }
            while (poison == null && (opening == Opening.STARTED || opening == Opening.NOT_STARTED) && inEnd - inStart >= 5) {
                byte type = in[inStart];
                int length = Bytes.int32(in, inStart + 1);
                if (length < 4) {
                    throw new ProtocolException("message '" + printable(type) + "' has invalid length " + length);
                }
                if (length - 4 > maxMessageSize) {
                    throw new ProtocolException("message '" + printable(type) + "' of " + length
                            + " bytes exceeds the limit of " + maxMessageSize);
                }
                int total = length + 1;
                if (inEnd - inStart < total) {
                    ensureInput(total - (inEnd - inStart));
                    break;
                }
                int bodyStart = inStart + 5;
                inStart += total;
                reader.reset(type, in, bodyStart, bodyStart + length - 4);
                dispatch(reader);
            }
        } catch (ProtocolException e) {
            poison(new EngineException(SqlState.PROTOCOL_VIOLATION, "protocol violation: " + e.getMessage(), e));
        } catch (PgTypeException e) {
            poison(new EngineException(SqlState.PROTOCOL_VIOLATION, "protocol violation: " + e.getMessage(), e));
        } catch (Error e) {
            // e.g. OutOfMemoryError half-way through a message: the state is unknown, so every waiter hears of it
            // now (a waiter left parked would hang) and the connection is given up
            poison(new EngineException(SqlState.CONNECTION_FAILURE, "the client failed while handling the server's "
                    + "answer (" + e + "); the connection is closed", e));
            throw e;
        }
        if (inStart == inEnd) {
            inStart = inEnd = 0;
            if (in.length > (1 << 20)) {
                in = new byte[16384];  // one huge message must not pin its buffer forever
            }
        }
    }

    private static String printable(byte type) {
        return type >= 32 && type < 127 ? String.valueOf((char) type) : String.format("0x%02x", type & 0xFF);
    }

    private void dispatch(MessageReader m) {
        switch (m.type()) {
            case BackendMessage.NOTICE_RESPONSE -> {
                ErrorFields notice = ErrorFields.parse(m);
                if (noticeListener != null) {
                    noticeListener.accept(notice);
                }
            }
            case BackendMessage.NOTIFICATION_RESPONSE -> notification(new ServerNotification(m.readInt32(), m.readCString(), m.readCString()));
            case BackendMessage.PARAMETER_STATUS -> parameterStatus(m.readCString(), m.readCString());
            case BackendMessage.ERROR_RESPONSE -> error(new EngineException(ErrorFields.parse(m)));
            default -> toHead(m);
        }
    }

    private void parameterStatus(String name, String value) {
        serverParameters.put(name, value);
        if (name.equals("TimeZone") || name.equals("DateStyle") || name.equals("IntervalStyle")) {
            codecs = codecs.withSession(serverParameters);
        }
        if (name.equals("client_encoding") && !value.equalsIgnoreCase("UTF8")) {
            // every string goes out and comes back as UTF-8: text in another encoding would be silently garbled
            poison(new EngineException(SqlState.FEATURE_NOT_SUPPORTED, "the session's client_encoding became "
                    + value + "; this client speaks UTF8 only, so the connection is closed"));
        }
    }

    private void toHead(MessageReader m) {
        Command<?> head = inFlight.peek();
        if (head == null) {
            throw new ProtocolException("unexpected message '" + printable(m.type()) + "' with no command in flight");
        }
        if (m.type() == BackendMessage.READY_FOR_QUERY) {
            if (m.remaining() != 1) {
                throw new ProtocolException("ReadyForQuery has length " + (m.remaining() + 4));
            }
            char status = (char) m.readByte();
            if (status != 'I' && status != 'T' && status != 'E') {
                throw new ProtocolException("ReadyForQuery has unknown transaction status '" + printable((byte) status) + "'");
            }
            transactionStatus = status;
            m.reset((byte) 'Z', m.array(), m.position() - 1, m.end());
        }
        boolean last;
        if (head.isFailed()) {
            // after an error the server skips to the Sync; only its ReadyForQuery ends the command
            last = m.type() == BackendMessage.READY_FOR_QUERY;
        } else {
            last = head.handle(m, this);
        }
        if (last) {
            complete();
        }
    }

    private void complete() {
        Command<?> head = inFlight.poll();
        if (head == barrier) {
            barrier = null;
        }
        head.finish();
        writeUnblocked();
    }

    private void error(EngineException error) {
        Command<?> head = inFlight.peek();
        if (head == null || error.isConnectionError()) {
            poison(error);
            return;
        }
        head.setFailure(error);
        head.onServerError(this);
        if (head.endsWithSync()) {
            return;  // its ReadyForQuery follows
        }
        // PostgreSQL skips every message up to the next Sync: fail those commands, the Sync's own one waits for Z
        complete();
        EngineException skipped = new EngineException(error.sqlState(),
                "not executed: an earlier command in the same pipeline sync group failed: " + error.serverMessage(), error);
        while (!inFlight.isEmpty()) {
            Command<?> next = inFlight.peek();
            next.setFailure(skipped);
            if (next.endsWithSync()) {
                break;
            }
            complete();
        }
    }

    private void notification(ServerNotification n) {
        if (notificationListener != null) {
            notificationListener.accept(n);
            return;
        }
        if (notifications.size() >= notificationLimit) {
            notifications.poll();  // bounded: an unread backlog must not exhaust memory, but the loss is told
            droppedNotifications++;
            unreportedDrops++;
            if (overflowListener != null) {
                overflowListener.accept(droppedNotifications);
            }
        }
        notifications.add(n);
    }

    // ---- failure --------------------------------------------------------------------------------------

    /** Fails every pending command and every later one with {@code error}; the connection is unusable. */
    public void poison(EngineException error) {
        if (poison != null) {
            return;
        }
        poison = error;
        out.clear();
        barrier = null;
        if (heldStartup != null) {
            heldStartup.setFailure(error);
            heldStartup.finish();
            heldStartup = null;
        }
        while (!inFlight.isEmpty()) {
            Command<?> c = inFlight.poll();
            c.setFailure(error);
            c.finish();
        }
        while (!unwritten.isEmpty()) {
            Command<?> c = unwritten.poll();
            c.setFailure(error);
            c.finish();
        }
    }

    /** Tells the engine the transport lost the connection (EOF, reset, timeout). */
    public void connectionLost(String reason, Throwable cause) {
        if (terminated && inFlight.isEmpty() && unwritten.isEmpty()) {
            poison(new EngineException(SqlState.CONNECTION_DOES_NOT_EXIST, "connection is closed"));
            return;
        }
        poison(new EngineException(SqlState.CONNECTION_FAILURE, reason, cause));
    }

    // ---- state ----------------------------------------------------------------------------------------

    /** The error that made this engine unusable, or {@code null} while it is healthy. */
    public EngineException poisonedBy() {
        return poison;
    }

    public boolean isUsable() {
        return poison == null && !terminated;
    }

    /** True while some command waits for an answer or to be written. */
    public boolean hasPendingCommands() {
        return !inFlight.isEmpty() || !unwritten.isEmpty();
    }

    /** The input buffer's size: bounded by the largest message allowed, whatever arrives. */
    int inputCapacity() {
        return in.length;
    }

    public int commandsInFlight() {
        return inFlight.size() + unwritten.size();
    }

    /** {@code 'I'} idle, {@code 'T'} in a transaction block, {@code 'E'} in a failed transaction block. */
    public char transactionStatus() {
        return transactionStatus;
    }

    public Map<String, String> serverParameters() {
        return Collections.unmodifiableMap(serverParameters);
    }

    public int processId() {
        return processId;
    }

    public int secretKey() {
        return secretKey;
    }

    void backendKey(int processId, int secretKey) {
        this.processId = processId;
        this.secretKey = secretKey;
    }

    public Codecs codecs() {
        return codecs;
    }

    /** The most bytes one query's collected result may hold (see {@link DataRows#retainedBytes()}). */
    public long maxResultSize() {
        return maxResultSize;
    }

    /** Null while {@code rows} is within {@link #maxResultSize()}, else the error that fails its query. */
    EngineException resultTooLarge(DataRows rows) {
        if (rows.retainedBytes() <= maxResultSize) {
            return null;
        }
        return new EngineException(SqlState.PROGRAM_LIMIT_EXCEEDED, "the result is larger than max_result_size ("
                + maxResultSize + " bytes) after " + rows.size() + " rows; the rest was read and dropped and the "
                + "connection stays usable. Stream it with a fetch size (stream(sql, fetchSize, ...)) or raise "
                + "max_result_size");
    }

    public int cachedStatements() {
        return statements.size();
    }

    /** Takes the next queued notification, or {@code null}. */
    public ServerNotification pollNotification() {
        return notifications.poll();
    }

    /** Notifications dropped (the oldest first) because the queue was full, since the connection opened. */
    public long droppedNotifications() {
        return droppedNotifications;
    }

    /** The drops since the last call, for a waiter to report (as an exception) before it waits again. */
    public long takeUnreportedDrops() {
        long n = unreportedDrops;
        unreportedDrops = 0;
        return n;
    }

    /** Bounds the notifications queued while nobody reads them; past it the oldest are dropped and counted. */
    public void notificationLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the notification queue limit must be at least 1");
        }
        this.notificationLimit = limit;
    }

    public int notificationLimit() {
        return notificationLimit;
    }

    /** Told, on the thread feeding the engine, the total dropped so far each time a notification is dropped. */
    public void onNotificationOverflow(java.util.function.LongConsumer listener) {
        this.overflowListener = listener;
    }

    /** Delivers notifications to {@code listener} as they arrive instead of queueing them. */
    public void onNotification(Consumer<ServerNotification> listener) {
        this.notificationListener = listener;
        if (listener != null) {
            while (!notifications.isEmpty()) {
                listener.accept(notifications.poll());
            }
        }
    }

    /** Told each NoticeResponse's fields (a warning or informational message), on the thread feeding the engine. */
    public void onNotice(Consumer<ErrorFields> listener) {
        this.noticeListener = listener;
    }

    /** The column types without a codec that pg_type has not been asked about on this connection. */
    java.util.Set<Integer> typesToLookUp(ColumnDescription[] columns) {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        for (ColumnDescription c : columns) {
            if (!codecs.knows(c.typeOid()) && typesLookedUp.add(c.typeOid())) {
                out.add(c.typeOid());
            }
        }
        return out;
    }

    /** Array types pg_type named: their text values read as arrays from now on. */
    void arrayTypesFound(Map<Integer, Integer> arrays) {
        codecs = codecs.withArrayTypes(arrays);
    }

    void invalidate(PreparedStatement statement) {
        statements.remove(statement);
    }

    /**
     * Drops a statement after an execution error: 26000 (the server forgot it: only the cache entry goes) or
     * 0A000 (e.g. its result type changed: the server still holds it, so it is closed there too).
     */
    void invalidateAfter(PreparedStatement statement, EngineException e) {
        if (e == null || statement == null) {
            return;
        }
        if (SqlState.INVALID_SQL_STATEMENT_NAME.equals(e.sqlState())) {
            statements.remove(statement);
        } else if (SqlState.FEATURE_NOT_SUPPORTED.equals(e.sqlState()) && statements.remove(statement)) {
            submit(new CloseStatement(statement));
        }
    }
}
