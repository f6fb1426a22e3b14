package io.spool.web.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.web.Context;
import io.spool.web.WebApp;
import io.spool.web.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Outside conformance corpora run against a real server over real sockets: the request cases of nodejs/llhttp
 * (strict mode) and the Transfer-Encoding mutations of defparam/smuggler in its CL.TE and TE.CL probe shapes
 * (see {@code src/test/resources/corpus/README.md}). Every method on every path answers with
 * {@code "<method> <path> <body length>"}; each case's bytes go down their own connection, and what comes back
 * is judged by {@link Verdict}: accepted requests answered once each with a 2xx, a rejected one with exactly one
 * 4xx/5xx and the connection closed, and never more responses than requests.
 *
 * <p>Each corpus prints a summary line and writes its failures, grouped by symptom, to
 * {@code target/corpus-reports/<corpus>.txt}.
 */
class ConformanceCorpusTest {
    /** How long a connection may stay silent before the server is taken to be waiting for more. */
    static final Duration QUIET = Duration.ofMillis(500);
    /** Connections in flight at once: the quiet spells overlap instead of adding up. */
    static final int PARALLEL = 48;

    static WebServer server;

    @BeforeAll
    static void start() {
        WebApp app = WebApp.create();
        TreeSet<String> methods = new TreeSet<>(List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"));
        Stream.of("llhttp", "smuggler").flatMap(corpus -> load(corpus).stream())
                .filter(c -> c.outcome() != CorpusCase.Outcome.REJECT) // a rejected case's method stays unknown
                .map(CorpusCase::method).filter(Objects::nonNull).forEach(methods::add);
        methods.remove("HEAD"); // served by the GET route
        for (String method : methods) {
            app.route(method, "/", ConformanceCorpusTest::echo).route(method, "/*", ConformanceCorpusTest::echo);
        }
        server = app.start(0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Object echo(Context ctx) {
        return ctx.method() + " " + ctx.path() + " " + ctx.body().length;
    }

    @TestFactory
    Stream<DynamicTest> llhttp() {
        return run("llhttp");
    }

    @TestFactory
    Stream<DynamicTest> smuggler() {
        return run("smuggler");
    }

    /** Sends every case of a corpus (many at once), prints the summary, then yields one test per case. */
    private Stream<DynamicTest> run(String corpus) {
        List<CorpusCase> cases = load(corpus);
        Map<CorpusCase, Optional<String>> results = judgeAll(cases);
        report(corpus, results);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> assertThat(results.get(c))
                .as("%s (%s, expected %s; %s)", c.name(), c.source(), c.outcome(), c.why())
                .isEmpty()));
    }

    private static Map<CorpusCase, Optional<String>> judgeAll(List<CorpusCase> cases) {
        Semaphore slots = new Semaphore(PARALLEL);
        Map<CorpusCase, Future<Optional<String>>> running = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (CorpusCase c : cases) {
                running.put(c, threads.submit(() -> {
                    slots.acquire();
                    try {
                        return Verdict.check(c, Transcript.exchange(server.port(), c.raw(), QUIET));
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        Map<CorpusCase, Optional<String>> results = new LinkedHashMap<>();
        running.forEach((c, f) -> results.put(c, f.resultNow()));
        return results;
    }

    private static void report(String corpus, Map<CorpusCase, Optional<String>> results) {
        Map<String, List<String>> bySymptom = new TreeMap<>();
        results.forEach((c, failure) -> failure.ifPresent(why -> bySymptom
                .computeIfAbsent(why.substring(0, why.indexOf(':')), k -> new ArrayList<>())
                .add(c.name() + " [" + c.source() + "; expected " + c.outcome() + ": " + c.why() + "] "
                        + why.substring(why.indexOf(':') + 2))));
        int failed = bySymptom.values().stream().mapToInt(List::size).sum();
        String summary = "corpus %s: %d cases, %d passed, %d failed".formatted(
                corpus, results.size(), results.size() - failed, failed);
        System.out.println(summary);
        StringBuilder text = new StringBuilder(summary).append('\n');
        bySymptom.forEach((symptom, names) -> {
            System.out.println("  " + names.size() + " x " + symptom);
            text.append("\n== ").append(names.size()).append(" x ").append(symptom).append('\n');
            names.forEach(n -> text.append("  ").append(n).append('\n'));
        });
        try {
            Path dir = Files.createDirectories(Path.of("target", "corpus-reports"));
            Files.writeString(dir.resolve(corpus + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CorpusCase> load(String corpus) {
        String resource = "/corpus/" + corpus + "/cases.json";
        try (InputStream in = ConformanceCorpusTest.class.getResourceAsStream(resource)) {
            JsonNode doc = new ObjectMapper().readTree(Objects.requireNonNull(in, resource));
            List<CorpusCase> cases = new ArrayList<>();
            doc.get("cases").forEach(node -> cases.add(CorpusCase.of(node, doc.get("source").asText())));
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
