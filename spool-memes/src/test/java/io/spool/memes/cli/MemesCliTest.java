package io.spool.memes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.memes.model.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemesCliTest {
    @Test
    void captionsToTheFormatTheOutputNames(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.png");
        assertThat(MemesCli.run("caption", "chelsea", "top", "bottom", "-o", out.toString())).isZero();
        assertThat(ImageFormat.detect(Files.readAllBytes(out))).contains(ImageFormat.PNG);
    }

    @Test
    void rofldMacroSyntaxKeepsTheTemplateFormat(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.img");
        assertThat(MemesCli.run("caption", "spool{^Need an API?}{Why not Spool}", "-o", out.toString(),
                "--width", "160")).isZero();
        assertThat(ImageFormat.detect(Files.readAllBytes(out))).contains(ImageFormat.GIF);
    }

    @Test
    void errorsExitNonZeroWithAMessage() {
        String err = captureErr(() -> assertThat(MemesCli.run("caption", "nope", "x")).isEqualTo(3));
        assertThat(err).contains("no template called \"nope\"");
        err = captureErr(() -> assertThat(MemesCli.run("caption", "chelsea", "x", "--color", "blurple")).isEqualTo(2));
        assertThat(err).contains("unknown colour");
    }

    private static String captureErr(Runnable action) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
