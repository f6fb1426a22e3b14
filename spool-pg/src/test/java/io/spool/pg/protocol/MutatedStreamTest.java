package io.spool.pg.protocol;

import io.spool.pg.RowSet;
import io.spool.pg.types.Codecs;
import io.spool.pg.types.PgTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.spool.pg.protocol.Backend.int4;
import static io.spool.pg.protocol.Backend.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds the engine thousands of randomly mutated copies of a valid server answer, in random chunks. Whatever
 * the bytes, the engine must return from every call, never throw, keep its input buffer within the message
 * limit, and end with every command either done or still waiting for bytes (a connection loss then fails it).
 */
class MutatedStreamTest {
    private static final int MAX_MESSAGE = 16 * 1024;
    private static final int MUTATIONS = 5000;

    /** A valid answer to: startup, a simple query, a prepared query and two pipelined executions of it. */
    private static byte[] validStream() {
        Backend b = Backend.stream().message('R', w -> w.int32(0)).parameter("server_version", "17.6")
                .parameter("client_encoding", "UTF8").backendKey(17, 23).ready('I')
                .rowDescription(0, "id", PgTypes.INT4, "name", PgTypes.TEXT);
        for (int i = 0; i < 20; i++) {
            b.dataRow(text(Integer.toString(i)), i % 3 == 0 ? null : text("név " + i));
        }
        b.notification(5, "chan", "payload").commandComplete("SELECT 20").ready('I')
                .parseComplete().parameterDescription(PgTypes.INT4).rowDescription(0, "v", PgTypes.INT4).ready('I')
                .bindComplete().dataRow(int4(7)).commandComplete("SELECT 1").ready('I')
                .bindComplete().error("22012", "division by zero").ready('I')
                .bindComplete().dataRow(int4(9)).commandComplete("SELECT 1").ready('T');
        return b.bytes();
    }

    private static List<Command<?>> submitAll(PgEngine engine) {
        List<Command<?>> commands = new ArrayList<>();
        commands.add(engine.submit(new Startup("u", null, Map.of(), null)));
        commands.add(engine.simpleQuery("SELECT id, name FROM t"));
        commands.add(engine.query("SELECT 10 / $1::int4", 1));
        commands.add(engine.query("SELECT 10 / $1::int4", 0));
        commands.add(engine.query("SELECT 10 / $1::int4", 2));
        return commands;
    }

    @Test
    void theUnmutatedStreamCompletesEveryCommand() {
        PgEngine engine = new PgEngine(MAX_MESSAGE, 8, Codecs.DEFAULT);
        List<Command<?>> commands = submitAll(engine);
        byte[] stream = validStream();
        engine.receive(stream, 0, stream.length);
        assertThat(commands).allMatch(Command::isDone);
        assertThat(((DataRows) ((List<?>) commands.get(1).result()).get(0)).size()).isEqualTo(20);
        assertThat(commands.get(3).failure().sqlState()).isEqualTo("22012");
        assertThat(engine.isUsable()).isTrue();
    }

    @Test
    void mutatedStreamsNeverHangThrowOrGrowUnbounded() {
        byte[] valid = validStream();
        SplittableRandom random = new SplittableRandom(20261123);
        int poisoned = 0;
        int waiting = 0;
        int completed = 0;
        for (int round = 0; round < MUTATIONS; round++) {
            byte[] stream = mutate(valid, random);
            PgEngine engine = new PgEngine(MAX_MESSAGE, 8, Codecs.DEFAULT);
            List<Command<?>> commands = submitAll(engine);
            int pos = 0;
            while (pos < stream.length) {
                int chunk = Math.min(stream.length - pos, 1 + random.nextInt(64));
                engine.receive(stream, pos, chunk);
                engine.output().consume(engine.output().size());
                pos += chunk;
                assertThat(engine.inputCapacity()).isLessThanOrEqualTo(2 * (MAX_MESSAGE + 5) + 16384);
            }
            if (engine.poisonedBy() != null) {
                poisoned++;
                assertThat(engine.poisonedBy().sqlState()).matches("08P01|28000|22012|57P01|XX000|.....");
            } else if (engine.hasPendingCommands()) {
                waiting++;
            } else {
                completed++;
            }
            engine.connectionLost("end of test stream", null);
            for (Command<?> c : commands) {
                assertThat(c.isDone()).as("round %d: every command ends once the connection is gone", round).isTrue();
            }
            // every row that was accepted can be read without an exception escaping other than a type error
            if (commands.get(1).isDone() && !commands.get(1).isFailed()) {
                for (Object o : (List<?>) commands.get(1).result()) {
                    RowSet rows = RowSet.of((DataRows) o);
                    for (int r = 0; r < rows.size(); r++) {
                        for (int c = 0; c < rows.columnCount(); c++) {
                            try {
                                rows.row(r).get(c);
                            } catch (IllegalArgumentException expected) {
                                // a mutated value may not decode; that is a clear error, not a crash
                            }
                        }
                    }
                }
            }
        }
        assertThat(poisoned).as("most mutations break the protocol").isGreaterThan(MUTATIONS / 10);
        assertThat(poisoned + waiting + completed).isEqualTo(MUTATIONS);
    }

    private static byte[] mutate(byte[] valid, SplittableRandom random) {
        byte[] s = valid.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(5)) {
                case 0 -> s[random.nextInt(s.length)] = (byte) random.nextInt(256);
                case 1 -> s[random.nextInt(s.length)] ^= (byte) (1 << random.nextInt(8));
                case 2 -> s = Arrays.copyOf(s, random.nextInt(s.length));
                case 3 -> {  // a huge or negative length somewhere
                    if (s.length < 4) {
                        continue;
                    }
                    int at = random.nextInt(Math.max(1, s.length - 4));
                    int v = random.nextBoolean() ? Integer.MAX_VALUE - random.nextInt(100) : -random.nextInt(100);
                    s[at] = (byte) (v >>> 24);
                    s[at + 1] = (byte) (v >>> 16);
                    s[at + 2] = (byte) (v >>> 8);
                    s[at + 3] = (byte) v;
                }
                default -> {  // duplicate a slice
                    int from = random.nextInt(s.length);
                    int len = random.nextInt(Math.min(64, s.length - from) + 1);
                    byte[] grown = new byte[s.length + len];
                    System.arraycopy(s, 0, grown, 0, from + len);
                    System.arraycopy(s, from, grown, from + len, s.length - from);
                    s = grown;
                }
            }
            if (s.length == 0) {
                return s;
            }
        }
        return s;
    }
}
