package io.spool.bench.pg;

import io.spool.pg.RowSet;
import io.spool.pg.protocol.ConnectOptions;
import io.spool.pg.protocol.ExtendedQuery;
import io.spool.pg.protocol.PgEngine;
import io.spool.pg.protocol.WriteBuffer;
import io.spool.pg.types.Codecs;
import io.spool.pg.types.PgTypes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The engine alone, no socket: decoding a 1,000-row DataRow stream of eight mixed columns (every value read),
 * and encoding the Bind of a five-parameter insert. Run with the GC profiler for bytes allocated per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    private static final int[] MIXED_TYPES = {PgTypes.INT4, PgTypes.INT8, PgTypes.TEXT, PgTypes.NUMERIC,
            PgTypes.TIMESTAMPTZ, PgTypes.BOOL, PgTypes.UUID, PgTypes.FLOAT8};
    private static final int[] EVENT_TYPES = {PgTypes.INT4, PgTypes.INT8, PgTypes.TEXT, PgTypes.FLOAT8, PgTypes.TIMESTAMPTZ};

    private PgEngine engine;
    private byte[] thousandRows;
    private byte[] insertAnswer;
    private final Object[] insertParams = {42, 1234567890123L, "event-7", 0.25, Instant.parse("2026-11-23T10:00:00Z")};

    @Setup
    public void setUp() {
        engine = new PgEngine();
        engine.connect(new ConnectOptions("bench", null, Map.of(), ConnectOptions.Tls.NONE));
        engine.receive(new Answer().msg('R', w -> w.writeInt(0)).ready().bytes());
        prepare(Workload.SELECT_MIXED, new int[0], MIXED_TYPES);
        prepare(Workload.INSERT_EVENT, EVENT_TYPES, new int[0]);

        Answer rows = new Answer().msg('2', w -> { });
        Codecs codecs = Codecs.DEFAULT;
        for (int i = 1; i <= 1000; i++) {
            Object[] values = {i, i * 1000003L, "label number " + i, new BigDecimal(i * 307).movePointLeft(2),
                    OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC).minusMinutes(i), i % 2 == 0,
                    new UUID(i, -i), i / 7.0};
            rows.msg('D', w -> {
                w.writeShort(values.length);
                for (int c = 0; c < values.length; c++) {
                    int lengthAt = w.position();
                    w.writeInt(0);
                    codecs.encode(values[c], MIXED_TYPES[c], w);
                    w.putInt(lengthAt, w.position() - lengthAt - 4);
                }
            });
        }
        thousandRows = rows.msg('C', w -> w.writeCString("SELECT 1000")).ready().bytes();
        insertAnswer = new Answer().msg('2', w -> { }).msg('C', w -> w.writeCString("INSERT 0 1")).ready().bytes();
    }

    private void prepare(String sql, int[] paramTypes, int[] columnTypes) {
        Object[] params = new Object[paramTypes.length];
        if (params.length > 0) {
            System.arraycopy(insertParams, 0, params, 0, params.length);
        }
        ExtendedQuery first = engine.query(sql, params);
        drainOutput();
        Answer answer = new Answer().msg('1', w -> { }).msg('t', w -> {
            w.writeShort(paramTypes.length);
            for (int t : paramTypes) {
                w.writeInt(t);
            }
        });
        if (columnTypes.length == 0) {
            answer.msg('n', w -> { });
        } else {
            answer.msg('T', w -> {
                w.writeShort(columnTypes.length);
                for (int i = 0; i < columnTypes.length; i++) {
                    w.writeCString("c" + i).writeInt(0).writeShort(0).writeInt(columnTypes[i]).writeShort(-1).writeInt(-1).writeShort(0);
                }
            });
        }
        engine.receive(answer.ready().bytes());
        drainOutput();
        engine.receive(new Answer().msg('2', w -> { }).msg('C', w -> w.writeCString("OK")).ready().bytes());
        first.result();
    }

    private void drainOutput() {
        engine.output().consume(engine.output().size());
    }

    /** Bind/Execute/Sync out, 1,000 DataRows in, every value read. */
    @Benchmark
    public long decodeThousandRows() {
        ExtendedQuery q = engine.query(Workload.SELECT_MIXED);
        drainOutput();
        engine.receive(thousandRows);
        RowSet rows = RowSet.of(q.result());
        return SpoolBlocking.mixed(rows);
    }

    /** Encodes the Bind of a 5-parameter insert and completes it. */
    @Benchmark
    public long encodeInsertBind() {
        ExtendedQuery q = engine.query(Workload.INSERT_EVENT, insertParams);
        int bytes = engine.output().size();
        drainOutput();
        engine.receive(insertAnswer);
        return bytes + q.result().rowsAffected();
    }

    /** Builds backend messages for the benchmark's canned answers. */
    private static final class Answer {
        private final WriteBuffer buf = new WriteBuffer();

        Answer msg(char type, java.util.function.Consumer<WriteBuffer> body) {
            buf.writeByte(type);
            int at = buf.position();
            buf.writeInt(0);
            body.accept(buf);
            buf.putInt(at, buf.position() - at);
            return this;
        }

        Answer ready() {
            return msg('Z', w -> w.writeByte('I'));
        }

        byte[] bytes() {
            return buf.toByteArray();
        }
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(EngineBenchmark.class.getName()).addProfiler(GCProfiler.class).build()).run();
    }
}
