package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand concurrent keep-alive connections. The clients run in a second JVM: with both ends in one
 * process every connection would cost two descriptors of one open-files limit (20,000 here). When the
 * client's limit is lower still, it uses as many connections as it can and says so on its first line.
 */
class ManyConnectionsTest {
    static final int WANTED = 10_000;

    @Test
    void tenThousandKeptAliveConnections() throws Exception {
        try (WebServer server = WebApp.create().get("/ping", ctx -> "pong").start("127.0.0.1", 0)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), ManyClients.class.getName(),
                    Integer.toString(server.port()), Integer.toString(WANTED)).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
                 OutputStream in = p.getOutputStream()) {
                String limits = out.readLine();
                System.out.println("many connections: " + limits);
                int n = Integer.parseInt(limits.split(" ")[3]);
                String open = out.readLine();
                System.out.println("many connections: " + open);
                assertThat(open).startsWith("open " + n + " ");
                assertThat(server.openConnections()).as("all held open at once").isGreaterThanOrEqualTo(n);
                in.write('\n');
                in.flush();
                String second = out.readLine();
                System.out.println("many connections: " + second);
                assertThat(out.readLine()).isEqualTo("done " + n + " " + n + " errors 0");
                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
                if (n < WANTED) {
                    System.out.println("many connections: only " + n + " of " + WANTED + " (open-files limit)");
                }
                assertThat(n).isGreaterThanOrEqualTo(Math.min(WANTED, 1000));
            } finally {
                p.destroyForcibly();
            }
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.openConnections() > 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(server.openConnections()).isZero();
        }
    }
}
