package io.spool.jdbc;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's quick example: {@link #example} holds the same lines as the README's first Java block
 * (only the URL and the login differ, for the test server), which {@link #theReadmeShowsThisCode} checks.
 */
@ExtendWith(PostgresExtension.class)
class ReadmeExampleTest {
    private final TestDatabase db;

    ReadmeExampleTest(TestDatabase db) {
        this.db = db;
    }

    private String example(String url, String user, String password) throws SQLException {
        String name = null;
        // README begin
        try (SpoolDataSource ds = new SpoolDataSource(url)) {
            ds.setUser(user);
            ds.setPassword(password);
            try (Connection c = ds.getConnection()) {   // a cheap handle in shared mode: no pool needed
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?)")) {
                    ps.setInt(1, 1);
                    ps.setString(2, "spool");
                    ps.executeUpdate();
                }
                c.setAutoCommit(false);                  // a transaction: a connection of its own until commit
                try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE id = ?")) {
                    ps.setInt(1, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        name = rs.getString(1);
                    }
                }
                c.commit();
            }
        }
        // README end
        return name;
    }

    private void rootExample(String url) {
        // ROOT README begin
        try (SpoolDataSource ds = new SpoolDataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);          // or Hibernate, jOOQ, Flyway, HikariCP: plain JDBC
            jdbc.update("INSERT INTO item (id, name) VALUES (?, ?)", 2, "jdbc");
        }
        // ROOT README end
    }

    @Test
    void theRootReadmesExampleRuns() throws Exception {
        theExampleRuns();
        rootExample(Drivers.SPOOL.urlWithLogin(db) + "&sharedConnections=8");
        try (Connection c = Drivers.SPOOL.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM item WHERE id = 2")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("jdbc");
        }
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("```java\n", readme.indexOf("## spool-jdbc in one example")) + 8;
        List<String> shown = readme.substring(start, readme.indexOf("```", start)).lines().map(String::strip)
                .map(l -> l.replaceFirst("new SpoolDataSource\\(\"[^\"]*\"\\)", "new SpoolDataSource(url)")).toList();
        assertThat(String.join("\n", codeBetween("// ROOT README begin", "// ROOT README end")))
                .isEqualTo(String.join("\n", shown));
    }

    private static List<String> codeBetween(String begin, String end) throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/spool/jdbc/ReadmeExampleTest.java"));
        String body = source.substring(source.indexOf(begin), source.indexOf(end));
        return body.lines().skip(1).map(String::strip)
                .filter(l -> !l.isEmpty() && !l.contains("ds.setUser(") && !l.contains("ds.setPassword(")).toList();
    }

    @Test
    void theExampleRuns() throws SQLException {
        try (Connection c = Drivers.SPOOL.connect(db); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS item; CREATE TABLE item (id int PRIMARY KEY, name text)");
        }
        assertThat(example(Drivers.SPOOL.url(db) + "?sharedConnections=8", db.user(), db.password())).isEqualTo("spool");
    }

    @Test
    void theReadmeShowsThisCode() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```java\n") + 8;
        List<String> shown = readme.substring(start, readme.indexOf("```", start)).lines()
                .filter(l -> !l.startsWith("String url =") && !l.contains("ds.setUser(") && !l.contains("ds.setPassword("))
                .map(l -> l.strip().replace("String name = ", "name = ")).toList();
        List<String> run = codeBetween("// README begin", "// README end");
        assertThat(String.join("\n", run)).isEqualTo(String.join("\n", shown));
    }
}
