package io.spool.web.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.web.WebApp;
import io.spool.web.WebServer;
import io.spool.web.WebSocket;
import io.spool.web.WsMessage;
import io.spool.web.WsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Autobahn test suite's fuzzing-client cases (sections 1-7, 9 and 10; see
 * {@code src/test/resources/corpus/README.md}) against an echo WebSocket route over real sockets, many at once,
 * judged as the suite judges ({@link AutobahnVerdict}). Prints {@code corpus autobahn: N cases, P passed (S
 * non-strict), F failed}, writes every case that was not plainly OK to {@code target/corpus-reports/autobahn.txt}
 * and gives one test per case; a non-strict or informational case passes.
 */
class AutobahnCorpusTest {
    /** Connections in flight at once: most cases wait on a timer or a pause, so they overlap well. */
    static final int PARALLEL = 32;
    /** Section 9 sends messages up to 16 MiB in one frame. */
    static final int LIMIT = 16 << 20;

    static WebServer server;

    @BeforeAll
    static void start() {
        server = WebApp.create()
                .ws("/echo", WsOptions.defaults().maxSizes(LIMIT, LIMIT), AutobahnCorpusTest::echo)
                .start(0);
    }

    /** Text back as text, binary as binary, until the client closes or the connection is failed. */
    static void echo(WebSocket ws) throws InterruptedException {
        try {
            for (WsMessage m = ws.receive(); m != null; m = ws.receive()) {
                if (m.isText()) {
                    ws.send(m.text());
                } else {
                    ws.send(m.binary());
                }
            }
        } catch (IOException closed) {
            // a case failed the connection while its echo was on the way: expected here, so not logged as an error
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> autobahn() {
        List<AutobahnCase> cases = load();
        Map<AutobahnCase, AutobahnVerdict> verdicts = playAll(cases);
        report(verdicts);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.id() + " " + c.description(), () -> {
            AutobahnVerdict v = verdicts.get(c);
            assertThat(v.passed()).as("case %s: %s%nexpectation: %s%n%s", c.id(), c.description(), c.expectation(), v)
                    .isTrue();
        }));
    }

    private static Map<AutobahnCase, AutobahnVerdict> playAll(List<AutobahnCase> cases) {
        Semaphore slots = new Semaphore(PARALLEL);
        Map<AutobahnCase, Future<AutobahnVerdict>> running = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (AutobahnCase c : cases) {
                running.put(c, threads.submit(() -> {
                    // section 9's large messages one at a time: their memory, not their timers, is what they cost
                    int weight = c.section().equals("9") ? PARALLEL / 2 : 1;
                    slots.acquire(weight);
                    try {
                        return AutobahnVerdict.judge(c, AutobahnRun.play(server.port(), "/echo", c));
                    } finally {
                        slots.release(weight);
                    }
                }));
            }
        }
        Map<AutobahnCase, AutobahnVerdict> verdicts = new LinkedHashMap<>();
        running.forEach((c, f) -> verdicts.put(c, f.resultNow()));
        return verdicts;
    }

    private static void report(Map<AutobahnCase, AutobahnVerdict> verdicts) {
        int failed = count(verdicts, AutobahnVerdict.Outcome.FAILED);
        int nonStrict = count(verdicts, AutobahnVerdict.Outcome.NON_STRICT);
        int informational = count(verdicts, AutobahnVerdict.Outcome.INFORMATIONAL);
        String summary = "corpus autobahn: %d cases, %d passed (%d non-strict), %d failed".formatted(
                verdicts.size(), verdicts.size() - failed, nonStrict, failed);
        Map<String, int[]> bySection = new TreeMap<>((a, b) -> Integer.parseInt(a) - Integer.parseInt(b));
        verdicts.forEach((c, v) -> {
            int[] counts = bySection.computeIfAbsent(c.section(), k -> new int[4]);
            counts[v.outcome().ordinal()]++;
        });
        StringBuilder sections = new StringBuilder("  by section (ok/non-strict/informational/failed):");
        bySection.forEach((s, n) -> sections.append(" %s: %d/%d/%d/%d;".formatted(s, n[0], n[1], n[2], n[3])));
        System.out.println(summary);
        System.out.println(sections);
        if (informational > 0) {
            System.out.println("  " + informational + " informational case(s) pass whatever the server did");
        }
        StringBuilder text = new StringBuilder(summary).append('\n').append(sections).append("\n\n");
        verdicts.forEach((c, v) -> {
            if (v.outcome() != AutobahnVerdict.Outcome.OK) {
                text.append(c.id()).append(' ').append(c.description()).append("\n  ").append(v).append("\n");
                if (v.outcome() == AutobahnVerdict.Outcome.FAILED) {
                    System.out.println("  FAILED " + c.id() + ": " + v);
                }
            }
        });
        try {
            Path dir = Files.createDirectories(Path.of("target", "corpus-reports"));
            Files.writeString(dir.resolve("autobahn.txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(Map<AutobahnCase, AutobahnVerdict> verdicts, AutobahnVerdict.Outcome outcome) {
        return (int) verdicts.values().stream().filter(v -> v.outcome() == outcome).count();
    }

    static List<AutobahnCase> load() {
        String resource = "/corpus/autobahn/cases.json";
        try (InputStream in = AutobahnCorpusTest.class.getResourceAsStream(resource)) {
            JsonNode doc = new ObjectMapper().readTree(Objects.requireNonNull(in, resource));
            List<AutobahnCase> cases = new ArrayList<>();
            doc.get("cases").forEach(node -> cases.add(AutobahnCase.of(node)));
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
