package io.spool.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SqlLexerTest {

    private static String rewrite(String sql) {
        return SqlLexer.parse(sql, true).sql();
    }

    @Test
    void placeholdersAreNumberedInOrder() {
        ParsedSql p = SqlLexer.parse("SELECT * FROM t WHERE a = ? AND b IN (?, ?)", true);
        assertThat(p.sql()).isEqualTo("SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)");
        assertThat(p.parameterCount()).isEqualTo(3);
    }

    @Test
    void singleQuotedStringsKeepTheirQuestionMarks() {
        assertThat(rewrite("SELECT 'a?b', ?")).isEqualTo("SELECT 'a?b', $1");
        assertThat(rewrite("SELECT 'it''s ?', ?")).isEqualTo("SELECT 'it''s ?', $1");
    }

    @Test
    void escapeStringsHonourBackslashes() {
        assertThat(rewrite("SELECT E'\\' ?', ?")).isEqualTo("SELECT E'\\' ?', $1");
        assertThat(rewrite("SELECT e'a\\\\', ?")).isEqualTo("SELECT e'a\\\\', $1");
        // not an E string: the backslash is plain and the quote ends the string
        assertThat(rewrite("SELECT '\\', ?")).isEqualTo("SELECT '\\', $1");
        assertThat(rewrite("SELECT name'\\', ?")).isEqualTo("SELECT name'\\', $1");
    }

    @Test
    void quotedIdentifiersAreLeftAlone() {
        assertThat(rewrite("SELECT \"what?\", \"a\"\"?\" FROM t WHERE x = ?"))
                .isEqualTo("SELECT \"what?\", \"a\"\"?\" FROM t WHERE x = $1");
    }

    @Test
    void dollarQuotesWithAndWithoutTags() {
        assertThat(rewrite("SELECT $$ ? $$, ?")).isEqualTo("SELECT $$ ? $$, $1");
        assertThat(rewrite("SELECT $fn$ ? $$ ? $fn$, ?")).isEqualTo("SELECT $fn$ ? $$ ? $fn$, $1");
        assertThat(rewrite("SELECT $1, ?")).as("a positional $1 is no dollar quote").isEqualTo("SELECT $1, $1");
        assertThat(rewrite("SELECT a$b, ?")).as("$ inside an identifier").isEqualTo("SELECT a$b, $1");
    }

    @Test
    void commentsAreLeftAlone() {
        assertThat(rewrite("SELECT ? -- why?\n, ?")).isEqualTo("SELECT $1 -- why?\n, $2");
        assertThat(rewrite("SELECT /* a /* nested ? */ still ? */ ?")).isEqualTo("SELECT /* a /* nested ? */ still ? */ $1");
    }

    @Test
    void doubledQuestionMarkIsOneLiteral() {
        assertThat(rewrite("SELECT '{\"a\":1}'::jsonb ?? 'a', ?")).isEqualTo("SELECT '{\"a\":1}'::jsonb ? 'a', $1");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "SELECT j ?| array['a'] FROM t WHERE id = ? => SELECT j ?| array['a'] FROM t WHERE id = $1",
            "SELECT j ?& array['a'] FROM t WHERE id = ? => SELECT j ?& array['a'] FROM t WHERE id = $1",
            "SELECT ? || 'x' => SELECT $1 || 'x'",
            "SELECT ?||'x' => SELECT $1||'x'",
            "SELECT a WHERE b && ? => SELECT a WHERE b && $1",
            "SELECT ?&&b => SELECT $1&&b",
    })
    void jsonbOperatorsAreKept(String in, String out) {
        assertThat(rewrite(in)).isEqualTo(out);
    }

    @Test
    void jdbcEscapesAreTranslated() {
        assertThat(rewrite("SELECT {fn now()}, {d '2024-01-02'}, {ts '2024-01-02 03:04:05'}, {t '03:04:05'}"))
                .isEqualTo("SELECT now(), DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05', TIME '03:04:05'");
        assertThat(rewrite("SELECT '{fn x}', ?")).isEqualTo("SELECT '{fn x}', $1");
    }

    @Test
    void plainStatementsKeepTheirQuestionMarks() {
        assertThat(SqlLexer.parse("SELECT j ? 'a' FROM t", false).sql()).isEqualTo("SELECT j ? 'a' FROM t");
    }

    @Test
    void statementHeadsAreNoted() {
        ParsedSql p = SqlLexer.parse("set search_path = x; create temp table t(a int); SELECT 1;", true);
        assertThat(p.statementHeads()).containsExactly("SET SEARCH_PATH", "CREATE TEMP TABLE", "SELECT");
        assertThat(p.isMultiStatement()).isTrue();
        assertThat(SqlLexer.parse("  /* c */ -- d\n insert into t values (?)", true).head()).isEqualTo("INSERT INTO T");
        assertThat(SqlLexer.parse("SELECT ';'", true).isMultiStatement()).isFalse();
    }

    @Test
    void unterminatedQuotesDoNotLoop() {
        assertThat(rewrite("SELECT 'abc ?")).isEqualTo("SELECT 'abc ?");
        assertThat(rewrite("SELECT $$ abc ?")).isEqualTo("SELECT $$ abc ?");
        assertThat(rewrite("SELECT /* ?")).isEqualTo("SELECT /* ?");
    }

    /** pgjdbc's parser cases (derived data, see NOTICE): escapes and top-level RETURNING. */
    @Test
    void pgjdbcParserCorpus() throws java.io.IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("src/test/resources/corpus/pgjdbc/cases.tsv"));
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            ParsedSql p = SqlLexer.parse(f[1], true);
            if (f[0].equals("escape")) {
                assertThat(p.sql()).as(f[1]).isEqualTo(f[2]);
            } else {
                assertThat(p.hasReturning()).as(f[1]).isEqualTo(Boolean.parseBoolean(f[2]));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(15);
    }
}
