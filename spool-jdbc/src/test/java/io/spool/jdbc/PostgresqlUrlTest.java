package io.spool.jdbc;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jdbc:postgresql://} URLs go to spool-jdbc only when asked ({@value JdbcUrl#TAKE_POSTGRESQL_URLS}) and
 * pgjdbc is absent: checked in a child JVM whose class path lacks pgjdbc's jar.
 */
@ExtendWith(PostgresExtension.class)
class PostgresqlUrlTest {
    private final TestDatabase db;

    PostgresqlUrlTest(TestDatabase db) {
        this.db = db;
    }

    /** The child: connects with a jdbc:postgresql URL and prints the connection's class and SELECT 1. */
    public static void main(String[] args) {
        try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            System.out.println("connected " + c.getClass().getName() + " " + rs.getInt(1));
        } catch (Exception e) {
            System.out.println("failed " + e);
        }
    }

    private String child(boolean take) throws Exception {
        String classPath = String.join(File.pathSeparator, Arrays.stream(
                System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("org/postgresql/postgresql")).toList());
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", classPath));
        if (take) {
            command.add("-D" + JdbcUrl.TAKE_POSTGRESQL_URLS + "=true");
        }
        command.add(PostgresqlUrlTest.class.getName());
        command.add(Drivers.PGJDBC.urlWithLogin(db));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void takenWhenAskedAndPgjdbcIsAbsent() throws Exception {
        assertThat(child(true)).contains("connected io.spool.jdbc.SpoolConnection 1");
        assertThat(child(false)).contains("failed java.sql.SQLException: No suitable driver");
    }
}
