package io.spool.bench.stack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TechEmpowerTest {
    @Test
    void theQueriesParameterIsClampedAndDefaultsToOne() {
        assertThat(TechEmpower.queries(null)).isEqualTo(1);
        assertThat(TechEmpower.queries("")).isEqualTo(1);
        assertThat(TechEmpower.queries("foo")).isEqualTo(1);
        assertThat(TechEmpower.queries("0")).isEqualTo(1);
        assertThat(TechEmpower.queries("-3")).isEqualTo(1);
        assertThat(TechEmpower.queries("20")).isEqualTo(20);
        assertThat(TechEmpower.queries("501")).isEqualTo(500);
    }

    @Test
    void randomIdsStayWithinTheWorldTable() {
        for (int i = 0; i < 100_000; i++) {
            assertThat(TechEmpower.randomWorld()).isBetween(1, TechEmpower.WORLD_ROWS);
        }
    }

    @Test
    void theFortunesPageEscapesAndKeepsTheSortedOrder() {
        List<Fortune> sorted = TechEmpower.withAdditional(List.of(
                new Fortune(11, "<script>alert(\"This should not be displayed in a browser alert box.\");</script>"),
                new Fortune(12, "フレームワークのベンチマーク"),
                new Fortune(1, "fortune: No such file or directory")));
        assertThat(sorted).extracting(Fortune::id).containsExactly(11, 0, 1, 12);

        String page = new String(FortunesPage.render(sorted), StandardCharsets.UTF_8).strip();
        // jte escapes < > & in text; a quote needs no escape there (TechEmpower's validator normalizes entities)
        assertThat(page).isEqualTo("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>"
                + "<tr><th>id</th><th>message</th></tr>"
                + "<tr><td>11</td><td>&lt;script&gt;alert(\"This should not be displayed in a browser alert box.\");"
                + "&lt;/script&gt;</td></tr>"
                + "<tr><td>0</td><td>Additional fortune added at request time.</td></tr>"
                + "<tr><td>1</td><td>fortune: No such file or directory</td></tr>"
                + "<tr><td>12</td><td>フレームワークのベンチマーク</td></tr></table></body></html>");
    }

    @Test
    void aDatabaseUrlIsReadIntoItsParts() {
        StackDatabase db = StackDatabase.parse("postgresql://postgres:secret@127.0.0.1:5433/bench", 16);
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5433/bench");
        assertThat(db.user()).isEqualTo("postgres");
        assertThat(db.password()).isEqualTo("secret");
        assertThat(db.url()).isEqualTo("postgresql://postgres:secret@127.0.0.1:5433/bench");
        assertThat(StackDatabase.parse("postgresql://postgres@127.0.0.1:5433/postgres", 4).password()).isNull();
    }
}
