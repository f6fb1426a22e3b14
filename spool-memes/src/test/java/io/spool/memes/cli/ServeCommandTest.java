package io.spool.memes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spool.memes.http.MemesConfig;
import java.time.Duration;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** The {@code serve} flags as the service gets them (starting it is the HTTP tests' business). */
class ServeCommandTest {
    private static MemesConfig parse(String... args) {
        ServeCommand command = new ServeCommand();
        CommandLine line = new CommandLine(command);
        line.parseArgs(args);
        command.spec = line.getCommandSpec();
        return command.config();
    }

    @Test
    void defaults() {
        MemesConfig c = parse();
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(1337);
        assertThat(c.renderThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.renderer().resultCacheBytes()).isEqualTo(64L << 20);
        assertThat(c.renderer().jpegQuality()).isEqualTo(90);
        assertThat(c.renderer().gifQuality()).isEqualTo(100);
        if (System.getenv("SPOOL_MEMES_ADMIN_TOKEN") == null) {
            assertThat(c.adminToken()).as("/admin/tasks is closed unless a token is given").isNull();
        }
    }

    @Test
    void everyFlag() {
        MemesConfig c = parse("127.0.0.1:8080", "--render-threads", "3", "--render-queue", "5", "--template-cache",
                "1g", "--font-cache", "512k", "--result-cache", "1000", "--request-timeout", "1500ms",
                "--shutdown-timeout", "2m", "--jpeg-quality", "70", "--gif-quality", "40", "--preload",
                "--templates-dir", "/tmp", "--fonts-dir", "/tmp", "--admin-token", "open-sesame");
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.renderThreads()).isEqualTo(3);
        assertThat(c.renderQueue()).isEqualTo(5);
        assertThat(c.renderer().templateCacheBytes()).isEqualTo(1L << 30);
        assertThat(c.renderer().fontCacheBytes()).isEqualTo(512L << 10);
        assertThat(c.renderer().resultCacheBytes()).isEqualTo(1000);
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.shutdownTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.renderer().jpegQuality()).isEqualTo(70);
        assertThat(c.renderer().gifQuality()).isEqualTo(40);
        assertThat(c.preload()).isTrue();
        assertThat(c.adminToken()).isEqualTo("open-sesame");
        assertThat(c.renderer().templatesDir()).hasToString("/tmp");
        assertThat(parse(":9000").port()).isEqualTo(9000);
        assertThat(parse("9001").port()).isEqualTo(9001);
    }

    @Test
    void uploadAndRemoteImageFlags() {
        MemesConfig off = parse();
        assertThat(off.adminToken()).isEqualTo(System.getenv("SPOOL_MEMES_ADMIN_TOKEN"));
        assertThat(off.maxUploadBytes()).isEqualTo(8 << 20);
        MemesConfig c = parse("--admin-token", "t0ken", "--remote-images", "img.example.org, *.cdn.example.net",
                "--max-upload", "2m");
        assertThat(c.adminToken()).isEqualTo("t0ken");
        assertThat(c.toString()).doesNotContain("t0ken").contains("adminToken=***");
        assertThat(c.remoteImages().hosts()).containsExactly("img.example.org", "*.cdn.example.net");
        assertThat(c.remoteImages().enabled()).isTrue();
        assertThat(c.remoteImages().permitted()).isEmpty();
        assertThat(c.maxUploadBytes()).isEqualTo(2 << 20);
        assertThat(c.remoteImages().maxBytes()).isEqualTo(2 << 20);
        assertThat(parse("--admin-token", "").adminToken()).isNull();
        assertThatThrownBy(() -> parse("--max-upload", "1k")).hasMessageContaining("--max-upload");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThatThrownBy(() -> parse("host:port")).isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> parse("--request-timeout", "soon")).hasMessageContaining("duration");
        assertThatThrownBy(() -> parse("--result-cache", "lots")).hasMessageContaining("size");
        assertThatThrownBy(() -> parse("--jpeg-quality", "0")).hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> parse("--gif-quality", "101")).hasMessageContaining("1 to 100");
        assertThat(MemesCli.run("serve", "--help")).isZero();
    }
}
