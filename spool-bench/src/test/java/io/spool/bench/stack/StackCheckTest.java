package io.spool.bench.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TechEmpower's tables on a real PostgreSQL, and the checker failing on pages and updates that break the rules. */
class StackCheckTest {
    @RegisterExtension
    static final TechEmpowerPostgres POSTGRES = new TechEmpowerPostgres(2);

    @Test
    void loadingTwiceLeavesTheSpecsTables() throws Exception {
        TechEmpowerData.load(POSTGRES.database());
        int[] worlds = TechEmpowerData.worlds(POSTGRES.database());
        for (int id = 1; id <= TechEmpower.WORLD_ROWS; id++) {
            assertThat(worlds[id]).as("row %d", id).isBetween(1, TechEmpower.WORLD_ROWS);
        }
        try (Connection c = TechEmpowerData.connect(POSTGRES.database()); Statement s = c.createStatement()) {
            for (String table : List.of("world", "cachedworld")) {
                try (ResultSet count = s.executeQuery("SELECT count(*), min(id), max(id), min(randomnumber),"
                        + " max(randomnumber) FROM " + table)) {
                    count.next();
                    assertThat(List.of(count.getInt(1), count.getInt(2), count.getInt(3))).as(table)
                            .containsExactly(10_000, 1, 10_000);
                    assertThat(List.of(count.getInt(4), count.getInt(5))).as(table)
                            .allSatisfy(n -> assertThat(n).isBetween(1, TechEmpower.WORLD_ROWS));
                }
            }
            List<Fortune> fortunes = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT id, message FROM fortune ORDER BY id")) {
                while (rows.next()) {
                    fortunes.add(new Fortune(rows.getInt(1), rows.getString(2)));
                }
            }
            assertThat(fortunes).isEqualTo(TechEmpowerData.FORTUNES).hasSize(12);
        }
    }

    @Test
    void theSharedPageIsTheValidatorsPage() {
        String page = new String(FortunesPage.render(TechEmpower.withAdditional(TechEmpowerData.FORTUNES)),
                StandardCharsets.UTF_8);
        assertThat(FortunesHtml.normalize(page)).isEqualTo(FortunesHtml.EXPECTED);
        assertThat(FortunesHtml.firstDifference(page)).isNull();
    }

    @Test
    void equivalentEscapesAndIgnoredMarkupNormalizeAlike() {
        String page = "<!DOCTYPE html><HTML><head><meta charset=utf-8><title>Fortunes</title></head><body>"
                + "<table class=x><thead><tr><th>id</th><th>message</th></tr></thead><tbody>"
                + "<tr><td>11</td><td>&#60;script&#x3E;alert(&#34;x&#034;);&lt;/script&gt;</td></tr>"
                + "<tr><td>2</td><td>aren&#39;t &mdash; 4.33e&#43;67</td></tr></tbody></table></body></html>";
        assertThat(FortunesHtml.normalize(page)).isEqualTo("<!doctype html><html>\n<head><title>Fortunes</title></head>\n"
                + "<body><table>\n<tr><th>id</th><th>message</th></tr>\n"
                + "<tr><td>11</td><td>&lt;script&gt;alert(&quot;x&quot;);&lt;/script&gt;</td></tr>\n"
                + "<tr><td>2</td><td>aren&apos;t — 4.33e+67</td></tr>\n</table></body></html>");
    }

    @Test
    void anUnescapedFortunesPageFails() throws Exception {
        try (Fake fake = new Fake("text/html; charset=UTF-8", query -> unescapedPage())) {
            assertThatThrownBy(() -> fake.check().fortunes())
                    .isInstanceOf(StackCheck.Failure.class)
                    .hasMessageContaining("fake failed TechEmpower's check at http://127.0.0.1:")
                    .hasMessageContaining("/fortunes: expected the page equals TechEmpower's")
                    .hasMessageContaining("line 5 of the normalized page is `<tr><td>11</td><td></td></tr>`");
        }
        // the same server with the page escaped passes, so it was the escaping that failed
        try (Fake fake = new Fake("text/html; charset=UTF-8", query -> FortunesPage.render(
                TechEmpower.withAdditional(TechEmpowerData.FORTUNES)))) {
            fake.check().fortunes();
        }
    }

    @Test
    void aWrongContentTypeFails() throws Exception {
        try (Fake fake = new Fake("text/html", query -> FortunesPage.render(
                TechEmpower.withAdditional(TechEmpowerData.FORTUNES)))) {
            assertThatThrownBy(() -> fake.check().fortunes()).isInstanceOf(StackCheck.Failure.class)
                    .hasMessageContaining("expected the Content-Type matches").hasMessageEndingWith("got text/html");
        }
    }

    @Test
    void updatesThatAreNotWrittenFail() throws Exception {
        // answers with new random numbers but never writes them
        try (Fake fake = new Fake("application/json", query -> rows(query, false))) {
            assertThatThrownBy(() -> fake.check().updates()).isInstanceOf(StackCheck.Failure.class)
                    .hasMessageContaining("/updates?queries=2: expected the numbers returned are in the table afterwards");
        }
        // answers with the rows as they are: "right" numbers, nothing changed
        try (Fake fake = new Fake("application/json", query -> rows(query, true))) {
            assertThatThrownBy(() -> fake.check().updates()).isInstanceOf(StackCheck.Failure.class)
                    .hasMessageContaining("/updates?queries=501: expected the rows are updated in the database")
                    .hasMessageContaining("got only 0 of");
        }
    }

    @Test
    void rowsOutsideTheTableOrTheWrongCountFail() throws Exception {
        try (Fake fake = new Fake("application/json", query -> "{\"id\":1,\"randomNumber\":0}".getBytes())) {
            assertThatThrownBy(() -> fake.check().db()).isInstanceOf(StackCheck.Failure.class)
                    .hasMessageContaining("/db: expected \"randomNumber\" is an integer from 1 to 10000");
        }
        try (Fake fake = new Fake("application/json", query -> rows("queries=20", true))) {
            assertThatThrownBy(() -> fake.check().queries()).isInstanceOf(StackCheck.Failure.class)
                    .hasMessageContaining("/queries?queries=2: expected the array holds 2 objects, got 20 objects");
        }
    }

    @Test
    void cachedRowsNotFromTheCachedTableOrOfTheWrongCountFail() throws Exception {
        // rows of world, where the cache must hold cachedworld's
        try (Fake fake = new Fake("application/json", query -> rows(query, true))) {
            assertThatThrownBy(() -> fake.check().cachedQueries()).isInstanceOf(StackCheck.Failure.class)
                    .hasMessageContaining("/cached-queries?count=2: expected the row matches the table");
        }
        // cachedworld's rows, but 20 whatever the count
        try (Fake fake = new Fake("application/json", query -> rows("count=20",
                TechEmpowerData.cachedWorlds(POSTGRES.database()), true))) {
            assertThatThrownBy(() -> fake.check().cachedQueries()).isInstanceOf(StackCheck.Failure.class)
                    .hasMessageContaining("/cached-queries?count=2: expected the array holds 2 objects, got 20 objects");
        }
        // cachedworld's rows, as many as asked: it passes, so the table and the count were what failed
        try (Fake fake = new Fake("application/json", query -> rows(query,
                TechEmpowerData.cachedWorlds(POSTGRES.database()), true))) {
            fake.check().cachedQueries();
        }
    }

    /** Rows of the table as they are ({@code asTheyAre}) or with made-up numbers, as many as {@code query} asks. */
    private static byte[] rows(String query, boolean asTheyAre) {
        return rows(query, TechEmpowerData.worlds(POSTGRES.database()), asTheyAre);
    }

    /** As {@link #rows(String, boolean)}, from {@code table} (index id, value the row's number). */
    private static byte[] rows(String query, int[] table, boolean asTheyAre) {
        int count = TechEmpower.queries(query == null ? null : query.substring(query.indexOf('=') + 1));
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            int id = TechEmpower.randomWorld();
            int number = asTheyAre ? table[id] : 1 + (table[id] % TechEmpower.WORLD_ROWS);
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(id).append(",\"randomNumber\":").append(number)
                    .append('}');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The right fortunes, sorted, with no escaping at all. */
    private static byte[] unescapedPage() {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>"
                + "<tr><th>id</th><th>message</th></tr>");
        for (Fortune f : TechEmpower.withAdditional(TechEmpowerData.FORTUNES)) {
            page.append("<tr><td>").append(f.id()).append("</td><td>").append(f.message()).append("</td></tr>");
        }
        return page.append("</table></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A deliberately wrong contender: one JDK HttpServer answering every path with the given body and type. */
    private static final class Fake implements AutoCloseable {
        private final HttpServer server;

        Fake(String contentType, Function<String, byte[]> body) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> answer(exchange, contentType, body));
            server.start();
        }

        private static void answer(HttpExchange exchange, String contentType, Function<String, byte[]> body)
                throws IOException {
            byte[] bytes = body.apply(exchange.getRequestURI().getRawQuery());
            exchange.getResponseHeaders().set("Server", "fake");
            exchange.getResponseHeaders().set("Date",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        StackCheck check() {
            return new StackCheck("fake", URI.create("http://127.0.0.1:" + server.getAddress().getPort()), POSTGRES.database());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
