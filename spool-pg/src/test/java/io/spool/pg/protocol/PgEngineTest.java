package io.spool.pg.protocol;

import io.spool.pg.RowSet;
import io.spool.pg.types.Codecs;
import io.spool.pg.types.PgTypes;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.spool.pg.protocol.Backend.int4;
import static io.spool.pg.protocol.Backend.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine fed hand-built byte streams: no server, no socket. */
class PgEngineTest {

    static PgEngine started() {
        PgEngine engine = new PgEngine(64 * 1024, 4, Codecs.DEFAULT);
        Startup startup = engine.submit(new Startup("alice", null, Map.of("database", "app"), null));
        engine.output().consume(engine.output().size());
        engine.receive(Backend.stream().startupOk().bytes());
        assertThat(startup.isDone()).isTrue();
        assertThat(startup.isFailed()).isFalse();
        return engine;
    }

    /** The frontend message types now in the output, e.g. "PDS"; consumes them. */
    static String sent(PgEngine engine) {
        byte[] out = engine.output().toByteArray();
        engine.output().consume(out.length);
        StringBuilder types = new StringBuilder();
        for (int i = 0; i < out.length; ) {
            types.append((char) out[i]);
            i += 1 + Bytes.int32(out, i + 1);
        }
        return types.toString();
    }

    @Test
    void whileACancelTravelsNewCommandsAreHeldBackUntilItArrives() {
        PgEngine engine = started();
        SimpleQuery running = engine.simpleQuery("SELECT pg_sleep(1)");
        assertThat(sent(engine)).isEqualTo("Q");
        int[] arrivals = {0};
        engine.onCancelsArrived(() -> arrivals[0]++);
        engine.cancelLeaving();
        engine.receive(Backend.stream().commandComplete("SELECT 1").ready('I').bytes());
        assertThat(running.isDone()).isTrue();
        SimpleQuery next = engine.simpleQuery("SELECT 2");   // the cancel could still hit it: it waits
        assertThat(sent(engine)).isEmpty();
        assertThat(engine.heldBackForCancel()).isTrue();
        engine.cancelArrived();
        assertThat(arrivals[0]).isEqualTo(1);
        engine.releaseHeldBack();
        assertThat(sent(engine)).isEqualTo("Q");
        assertThat(engine.heldBackForCancel()).isFalse();
        assertThat(next.isDone()).isFalse();
    }

    @Test
    void startupWritesProtocolVersionAndParametersThenReadsKeyAndStatus() {
        PgEngine engine = new PgEngine();
        Startup startup = engine.submit(new Startup("alice", null, Map.of("database", "app"), null));
        byte[] out = engine.output().toByteArray();
        assertThat(Bytes.int32(out, 0)).isEqualTo(out.length);
        assertThat(Bytes.int32(out, 4)).isEqualTo(Frontend.PROTOCOL_3_0);
        assertThat(new String(out, 8, out.length - 8, StandardCharsets.UTF_8)).isEqualTo("user\0alice\0database\0app\0\0");
        engine.output().consume(out.length);

        engine.receive(Backend.stream().startupOk().bytes());
        assertThat(startup.isDone()).isTrue();
        assertThat(engine.processId()).isEqualTo(4242);
        assertThat(engine.secretKey()).isEqualTo(99);
        assertThat(engine.serverParameters()).containsEntry("server_version", "17.6");
        assertThat(engine.transactionStatus()).isEqualTo('I');
    }

    @Test
    void startupIsABarrierSoQueriesWaitForAuthentication() {
        PgEngine engine = new PgEngine();
        engine.submit(new Startup("alice", null, Map.of(), null));
        engine.output().consume(engine.output().size());
        SimpleQuery q = engine.simpleQuery("SELECT 1");
        assertThat(engine.output().isEmpty()).as("nothing may follow the startup before it ends").isTrue();
        engine.receive(Backend.stream().startupOk().bytes());
        assertThat(sent(engine)).isEqualTo("Q");
        assertThat(q.isDone()).isFalse();
    }

    @Test
    void md5AuthenticationAnswersWithTheSaltedDoubleHash() throws Exception {
        PgEngine engine = new PgEngine();
        Startup startup = engine.submit(new Startup("bob", "secret", Map.of(), null));
        engine.output().consume(engine.output().size());
        engine.receive(Backend.stream().message('R', w -> w.int32(5).bytes(new byte[] {1, 2, 3, 4})).bytes());
        byte[] out = engine.output().toByteArray();
        assertThat((char) out[0]).isEqualTo('p');
        String answer = new String(out, 5, out.length - 6, StandardCharsets.US_ASCII);
        var md5 = java.security.MessageDigest.getInstance("MD5");
        String inner = java.util.HexFormat.of().formatHex(md5.digest("secretbob".getBytes(StandardCharsets.UTF_8)));
        md5.update(inner.getBytes(StandardCharsets.US_ASCII));
        md5.update(new byte[] {1, 2, 3, 4});
        assertThat(answer).isEqualTo("md5" + java.util.HexFormat.of().formatHex(md5.digest()));
        engine.output().consume(out.length);
        engine.receive(Backend.stream().startupOk().bytes());
        assertThat(startup.isFailed()).isFalse();
    }

    @Test
    void passwordRequestWithoutPasswordFailsClearly() {
        PgEngine engine = new PgEngine();
        Startup startup = engine.submit(new Startup("bob", null, Map.of(), null));
        engine.receive(Backend.stream().message('R', w -> w.int32(3)).bytes());
        assertThat(startup.isDone()).isTrue();
        assertThat(startup.failure().sqlState()).isEqualTo("28000");
        assertThat(startup.failure().getMessage()).contains("cleartext password").contains("no password was given");
    }

    @Test
    void unsupportedAuthenticationMethodIsNamed() {
        PgEngine engine = new PgEngine();
        Startup startup = engine.submit(new Startup("bob", "pw", Map.of(), null));
        engine.receive(Backend.stream().message('R', w -> w.int32(7)).bytes());
        assertThat(startup.failure().getMessage()).contains("GSSAPI").contains("does not support");
        assertThat(engine.isUsable()).isFalse();
    }

    @Test
    void unsupportedSaslMechanismIsNamed() {
        PgEngine engine = new PgEngine();
        Startup startup = engine.submit(new Startup("bob", "pw", Map.of(), null));
        engine.receive(Backend.stream().message('R', w -> w.int32(10).cstring("OAUTHBEARER").byte1(0)).bytes());
        assertThat(startup.failure().getMessage()).contains("OAUTHBEARER");
    }

    @Test
    void aServerThatSkipsTheScramProofIsRefused() {
        for (byte[] binding : new byte[][] {null, new byte[32]}) {   // with and without channel binding
            PgEngine engine = new PgEngine();
            Startup startup = engine.submit(new Startup("alice", "secret", Map.of(), binding));
            engine.receive(Backend.stream().message('R', w -> w.int32(10).cstring("SCRAM-SHA-256-PLUS")
                    .cstring("SCRAM-SHA-256").byte1(0)).bytes());
            engine.receive(Backend.stream().startupOk().bytes());   // AuthenticationOk with no SASLFinal before it
            assertThat(startup.failure()).isNotNull();
            assertThat(startup.failure().getMessage()).contains("without its proof");
            assertThat(engine.isUsable()).isFalse();
        }
    }

    @Test
    void scramMatchesTheRfc7677TestVector() {
        ScramSha256 scram = new ScramSha256("pencil", null, false, "user", "rOprNGfwEbeRWgbNEkqO");
        assertThat(new String(scram.clientFirstMessage(), StandardCharsets.UTF_8)).isEqualTo("n,,n=user,r=rOprNGfwEbeRWgbNEkqO");
        String serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
        assertThat(new String(scram.clientFinalMessage(serverFirst), StandardCharsets.UTF_8)).isEqualTo(
                "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        scram.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
        assertThatThrownBy(() -> scram.verifyServerFinal("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="))
                .hasMessageContaining("signature is wrong");
    }

    @Test
    void scramRejectsANonceThatDoesNotExtendOurs() {
        ScramSha256 scram = new ScramSha256("pencil", null, false, "", "abc");
        scram.clientFirstMessage();
        assertThatThrownBy(() -> scram.clientFinalMessage("r=xyz123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))
                .hasMessageContaining("nonce");
        assertThatThrownBy(() -> scram.clientFinalMessage("r=abcdef,s=W22Z,i=-1")).hasMessageContaining("malformed");
    }

    @Test
    void onlyAStatementStartingWithBlankCommentOrCopyIsCheckedForACopy() {
        assertThat(PgEngine.mayBeCopy("SELECT id, randomnumber FROM world WHERE id = $1")).isFalse();
        assertThat(PgEngine.mayBeCopy("UPDATE t SET note = 'copy to stdout'")).isFalse();
        assertThat(PgEngine.mayBeCopy("")).isFalse();
        for (String sql : new String[] {"COPY t", "copy t", " x", "\tx", "\nx", "-- c", "/* c */"}) {
            assertThat(PgEngine.mayBeCopy(sql)).as(sql).isTrue();
        }
    }

    @Test
    void aCopyBehindCommentsIsStillRefusedInAPipeline() {
        PgEngine engine = started();
        for (String sql : new String[] {"COPY t FROM STDIN", "  /* load */ copy t from stdin",
                "-- nightly\n/* a */ /* b */\n COPY t TO STDOUT", "\tCopy t TO STDOUT"}) {
            ExtendedQuery q = engine.query(sql);
            assertThat(q.isFailed()).as(sql).isTrue();
            assertThat(q.failure().getMessage()).contains("copyIn");
        }
        assertThat(engine.output().size()).as("nothing sent").isZero();
        // and a long run of spaces before something else is answered at once, not after exponential backtracking
        long t0 = System.nanoTime();
        engine.query(" ".repeat(100_000) + "SELECT 1");
        assertThat(System.nanoTime() - t0).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void aSwitchAwayFromUtf8ClosesTheConnectionRatherThanGarbleText() {
        PgEngine engine = started();
        SimpleQuery set = engine.simpleQuery("SET client_encoding = 'LATIN1'");
        engine.receive(Backend.stream().message('S', w -> w.cstring("client_encoding").cstring("LATIN1"))
                .commandComplete("SET").ready('I').bytes());
        assertThat(set.isFailed()).isTrue();
        assertThat(set.failure().getMessage()).contains("client_encoding").contains("LATIN1");
        assertThat(engine.isUsable()).isFalse();
        PgEngine fine = started();
        fine.receive(Backend.stream().message('S', w -> w.cstring("client_encoding").cstring("UTF8")).bytes());
        assertThat(fine.isUsable()).isTrue();
    }

    @Test
    void simpleQueryCollectsOneResultPerStatement() {
        PgEngine engine = started();
        SimpleQuery q = engine.simpleQuery("CREATE TABLE t(); SELECT 'a' AS x UNION SELECT NULL");
        assertThat(sent(engine)).isEqualTo("Q");
        engine.receive(Backend.stream().commandComplete("CREATE TABLE")
                .rowDescription(0, "x", PgTypes.TEXT).dataRow(text("a")).dataRow((byte[]) null)
                .commandComplete("SELECT 2").ready('I').bytes());
        List<RowSet> results = RowSet.all(q.result());
        assertThat(results).hasSize(2);
        assertThat(results.get(0).commandTag()).isEqualTo("CREATE TABLE");
        assertThat(results.get(1).rowsAffected()).isEqualTo(2);
        assertThat(results.get(1).row(0).get("x")).isEqualTo("a");
        assertThat(results.get(1).row(1).isNull(0)).isTrue();
    }

    /** Prepares sqlA so later queries on it are written without a barrier. */
    private static void prepareInt4Statement(PgEngine engine, String sql) {
        ExtendedQuery first = engine.query(sql, 1);
        assertThat(sent(engine)).isEqualTo("PDS");
        engine.receive(Backend.stream().parseComplete().parameterDescription(PgTypes.INT4)
                .rowDescription(0, "v", PgTypes.INT4).ready('I').bytes());
        assertThat(sent(engine)).as("the Bind waits for the description").isEqualTo("BES");
        engine.receive(Backend.stream().bindComplete().dataRow(int4(1)).commandComplete("SELECT 1").ready('I').bytes());
        assertThat(RowSet.of(first.result()).row(0).get(0)).isEqualTo(1);
    }

    @Test
    void preparedStatementIsDescribedOnceThenReused() {
        PgEngine engine = started();
        prepareInt4Statement(engine, "SELECT $1::int4 AS v");
        ExtendedQuery again = engine.query("SELECT $1::int4 AS v", 2);
        assertThat(sent(engine)).isEqualTo("BES");
        engine.receive(Backend.stream().bindComplete().dataRow(int4(2)).commandComplete("SELECT 1").ready('I').bytes());
        assertThat(RowSet.of(again.result()).row(0).getInteger(0)).isEqualTo(2);
        assertThat(engine.cachedStatements()).isEqualTo(1);
    }

    @Test
    void pipelinedQueriesAreAnsweredInOrderAndAnErrorFailsOnlyItsOwnQuery() {
        PgEngine engine = started();
        String sql = "SELECT 10 / $1::int4 AS v";
        prepareInt4Statement(engine, sql);
        ExtendedQuery a = engine.query(sql, 1);
        ExtendedQuery b = engine.query(sql, 0);
        ExtendedQuery c = engine.query(sql, 2);
        assertThat(sent(engine)).isEqualTo("BESBESBES");
        engine.receive(Backend.stream()
                .bindComplete().dataRow(int4(10)).commandComplete("SELECT 1").ready('I')
                .bindComplete().error("22012", "division by zero").ready('I')
                .bindComplete().dataRow(int4(5)).commandComplete("SELECT 1").ready('I').bytes());
        assertThat(RowSet.of(a.result()).row(0).get(0)).isEqualTo(10);
        assertThat(b.failure().sqlState()).isEqualTo("22012");
        assertThat(b.failure().serverMessage()).isEqualTo("division by zero");
        assertThat(RowSet.of(c.result()).row(0).get(0)).isEqualTo(5);
        assertThat(engine.isUsable()).isTrue();
    }

    @Test
    void anErrorInASyncGroupFailsExactlyTheCommandsTheServerSkipped() {
        PgEngine engine = started();
        String sql = "SELECT 10 / $1::int4 AS v";
        prepareInt4Statement(engine, sql);
        PreparedStatement st = engine.prepare(sql, new Object[] {1});
        ExtendedQuery ok = engine.submit(new ExtendedQuery(st, new Object[] {5}, false));
        ExtendedQuery bad = engine.submit(new ExtendedQuery(st, new Object[] {0}, false));
        ExtendedQuery skipped = engine.submit(new ExtendedQuery(st, new Object[] {1}, false));
        ExtendedQuery skippedSync = engine.submit(new ExtendedQuery(st, new Object[] {2}, true));
        ExtendedQuery nextGroup = engine.submit(new ExtendedQuery(st, new Object[] {10}, true));
        assertThat(sent(engine)).isEqualTo("BEBEBEBESBES");
        engine.receive(Backend.stream()
                .bindComplete().dataRow(int4(2)).commandComplete("SELECT 1")
                .bindComplete().error("22012", "division by zero").ready('I')
                .bindComplete().dataRow(int4(1)).commandComplete("SELECT 1").ready('I').bytes());
        assertThat(RowSet.of(ok.result()).row(0).get(0)).isEqualTo(2);
        assertThat(bad.failure().sqlState()).isEqualTo("22012");
        assertThat(skipped.failure().getMessage()).contains("not executed").contains("division by zero");
        assertThat(skippedSync.failure().getMessage()).contains("not executed");
        assertThat(RowSet.of(nextGroup.result()).row(0).get(0)).isEqualTo(1);
    }

    @Test
    void aFailedPrepareFailsTheQueriesWaitingOnItButNotLaterOnes() {
        PgEngine engine = started();
        ExtendedQuery bad = engine.query("SELEC 1");
        SimpleQuery after = engine.simpleQuery("SELECT 2");
        assertThat(sent(engine)).isEqualTo("PDS");
        engine.receive(Backend.stream().error("42601", "syntax error at or near \"SELEC\"").ready('I').bytes());
        assertThat(bad.failure().sqlState()).isEqualTo("42601");
        assertThat(sent(engine)).as("the failed query is never bound").isEqualTo("Q");
        assertThat(engine.cachedStatements()).as("a failed statement is not cached").isZero();
        engine.receive(Backend.stream().rowDescription(0, "x", PgTypes.INT4).dataRow(text("2"))
                .commandComplete("SELECT 1").ready('I').bytes());
        assertThat(RowSet.of(after.result().get(0)).row(0).getInteger(0)).isEqualTo(2);
    }

    @Test
    void wrongParameterCountFailsWithoutSendingAnything() {
        PgEngine engine = started();
        String sql = "SELECT $1::int4 AS v";
        prepareInt4Statement(engine, sql);
        PreparedStatement st = engine.prepare(sql, new Object[] {1});
        ExtendedQuery q = engine.submit(new ExtendedQuery(st, new Object[] {1, 2}, true));
        assertThat(q.failure().getMessage()).contains("1 parameter but 2 values were given");
        assertThat(engine.output().isEmpty()).isTrue();
        assertThat(engine.isUsable()).isTrue();
    }

    @Test
    void notificationsNoticesAndParameterChangesArriveBetweenCommands() {
        PgEngine engine = started();
        java.util.List<String> notices = new java.util.ArrayList<>();
        engine.onNotice(fields -> notices.add(fields.get(ErrorFields.MESSAGE)));
        engine.receive(Backend.stream().notification(7, "jobs", "42").parameter("TimeZone", "UTC")
                .message('N', w -> w.byte1('S').cstring("WARNING").byte1('M').cstring("careful").byte1(0)).bytes());
        assertThat(engine.pollNotification()).isEqualTo(new ServerNotification(7, "jobs", "42"));
        assertThat(engine.serverParameters()).containsEntry("TimeZone", "UTC");
        assertThat(notices).containsExactly("careful");
    }

    @Test
    void fatalErrorPoisonsTheEngineAndFailsEverythingPending() {
        PgEngine engine = started();
        SimpleQuery a = engine.simpleQuery("SELECT pg_sleep(10)");
        SimpleQuery b = engine.simpleQuery("SELECT 1");
        engine.receive(Backend.stream().fatal("57P01", "terminating connection due to administrator command").bytes());
        assertThat(a.failure().sqlState()).isEqualTo("57P01");
        assertThat(b.failure().sqlState()).isEqualTo("57P01");
        SimpleQuery later = engine.simpleQuery("SELECT 1");
        assertThat(later.isDone()).isTrue();
        assertThat(later.failure().getMessage()).contains("administrator command");
    }

    @Test
    void badLengthPoisonsWithAProtocolError() {
        PgEngine engine = started();
        SimpleQuery q = engine.simpleQuery("SELECT 1");
        engine.receive(new byte[] {'T', 0, 0, 0, 2}, 0, 5);
        assertThat(q.failure().sqlState()).isEqualTo("08P01");
        assertThat(q.failure().getMessage()).contains("invalid length 2");
    }

    @Test
    void oversizedMessageIsRejectedBeforeItIsBuffered() {
        PgEngine engine = started();
        SimpleQuery q = engine.simpleQuery("SELECT 1");
        engine.receive(new byte[] {'D', 0x7f, 0, 0, 0}, 0, 5);
        assertThat(q.failure().getMessage()).contains("exceeds the limit of 65536");
        assertThat(engine.inputCapacity()).isLessThan(1 << 20);
    }

    @Test
    void unknownMessageTypeIsAProtocolError() {
        PgEngine engine = started();
        SimpleQuery q = engine.simpleQuery("SELECT 1");
        engine.receive(Backend.stream().message('@', w -> w.int32(1)).bytes());
        assertThat(q.failure().getMessage()).contains("unexpected message '@'");
    }

    @Test
    void truncatedDataRowIsAProtocolError() {
        PgEngine engine = started();
        SimpleQuery q = engine.simpleQuery("SELECT 1");
        engine.receive(Backend.stream().rowDescription(0, "x", PgTypes.TEXT)
                .message('D', w -> w.int16(1).int32(10).bytes(text("abc"))).bytes());
        assertThat(q.failure().sqlState()).isEqualTo("08P01");
        assertThat(q.failure().getMessage()).contains("bad length 10");
    }

    @Test
    void messageWithNoCommandInFlightIsAProtocolError() {
        PgEngine engine = started();
        engine.receive(Backend.stream().ready('I').bytes());
        assertThat(engine.poisonedBy().getMessage()).contains("no command in flight");
    }

    @Test
    void bytesSplitAtEveryPositionGiveTheSameResult() {
        byte[] answer = Backend.stream().rowDescription(0, "x", PgTypes.TEXT).dataRow(text("héllo"))
                .notification(1, "c", "p").dataRow((byte[]) null).commandComplete("SELECT 2").ready('T').bytes();
        for (int split = 0; split <= answer.length; split++) {
            PgEngine engine = started();
            SimpleQuery q = engine.simpleQuery("SELECT x");
            engine.receive(answer, 0, split);
            engine.receive(answer, split, answer.length - split);
            RowSet rows = RowSet.of(q.result().get(0));
            assertThat(rows.row(0).getString(0)).isEqualTo("héllo");
            assertThat(rows.row(1).isNull(0)).isTrue();
            assertThat(engine.transactionStatus()).isEqualTo('T');
        }
    }

    @Test
    void connectionLostFailsPendingCommandsWithAConnectionError() {
        PgEngine engine = started();
        SimpleQuery q = engine.simpleQuery("SELECT 1");
        engine.connectionLost("the server closed the connection", null);
        assertThat(q.failure()).isInstanceOf(EngineException.class);
        assertThat(q.failure().sqlState()).isEqualTo("08006");
        assertThat(q.failure().isConnectionError()).isTrue();
    }
}
