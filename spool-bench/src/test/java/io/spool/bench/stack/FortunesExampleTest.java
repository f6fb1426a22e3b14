package io.spool.bench.stack;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.spool.embedded.LocalPostgres;
import io.spool.pg.PgConfig;
import io.spool.pg.PgPool;
import io.spool.pg.PoolOptions;
import io.spool.pg.Row;
import io.spool.web.Response;
import io.spool.web.WebApp;
import io.spool.web.WebServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs spool-web's README example of a page from a jte template: {@link #example} holds the lines of the README's
 * Java block, which {@link #theReadmeShowsThisCodeAndTemplate} checks (with the template block against the
 * template file), and {@link #thePageIsTechEmpowersFortunesPage} serves it from TechEmpower's tables.
 */
class FortunesExampleTest {
    private static final Path README = Path.of("../spool-web/README.md");
    private static final String HEADING = "## Pages from templates: fortunes with jte and spool-pg";

    private static PgPool example(WebApp app, String url) {
        // README begin
        TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);   // the classes jte generated
        PgPool pool = PgPool.create(PgConfig.parse(url), PoolOptions.defaults().withSharedConnections(8));
        app.get("/fortunes", ctx -> {
            List<Fortune> fortunes = new ArrayList<>();
            for (Row row : pool.query("SELECT id, message FROM fortune")) {
                fortunes.add(new Fortune(row.intValue(0), row.getString(1)));
            }
            fortunes.add(new Fortune(0, "Additional fortune added at request time."));
            fortunes.sort(Comparator.comparing(Fortune::message));
            Utf8ByteOutput html = new Utf8ByteOutput();                   // ${...} is HTML-escaped: <script> arrives as text
            templates.render("stack/fortunes.jte", fortunes, html);
            return Response.ok(html.toByteArray()).contentType("text/html; charset=utf-8");
        });
        // README end
        return pool;
    }

    @Test
    void thePageIsTechEmpowersFortunesPage() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start()) {
            TechEmpowerData.load(StackDatabase.parse(postgres.url(), 1));
            WebApp app = WebApp.create();
            try (PgPool pool = example(app, postgres.url()); WebServer server = app.start(0);
                 HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/fortunes")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
                assertThat(page.body()).contains("<td>&lt;script&gt;alert(")
                        .doesNotContain("<script>");
                assertThat(FortunesHtml.firstDifference(page.body())).isNull();
            }
        }
    }

    @Test
    void theReadmeShowsThisCodeAndTemplate() throws IOException {
        assertThat(block("```java\n")).isEqualTo(codeBetween("// README begin", "// README end"));
        assertThat(block("```jte\n"))
                .isEqualTo(Files.readString(Path.of("src/main/jte/stack/fortunes.jte")).strip().lines().toList());
    }

    /** The stripped lines of the first block opened by {@code fence} in the README's section. */
    private static List<String> block(String fence) throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf(HEADING);
        assertThat(section).as("the README's section " + HEADING).isPositive();
        int start = readme.indexOf(fence, section) + fence.length();
        return readme.substring(start, readme.indexOf("```", start)).strip().lines().map(String::strip).toList();
    }

    private static List<String> codeBetween(String begin, String end) throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/spool/bench/stack/FortunesExampleTest.java"));
        String body = source.substring(source.indexOf(begin), source.indexOf(end));
        return body.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
