package io.spool.memes.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spool.memes.model.BadRequestException;
import io.spool.memes.model.HAlign;
import io.spool.memes.model.TemplateInfo;
import io.spool.memes.model.TextBox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * memegen's {@code config.yml} as memegen writes it: nine of its templates' files, one per variant of the format
 * ({@code corpus/memegen/configs}, MIT), read with the values memegen would use, written back and read again
 * unchanged; and the faults a hand-written file may have, each refused naming the key. With
 * {@code -Dspool.memegen.configs=DIR} it also reads every {@code *.yml} of DIR (a copy of memegen's 211 files).
 */
class MemegenConfigTest {
    private static TemplateInfo corpus(String id) throws IOException {
        try (InputStream in = MemegenConfigTest.class.getResourceAsStream("/corpus/memegen/configs/" + id + ".yml")) {
            return MemegenConfig.parse(in.readAllBytes(), id + "/config.yml");
        }
    }

    @Test
    void readsEveryVariantOfMemegensFormat() throws IOException {
        TemplateInfo ds = corpus("ds");
        assertThat(ds.title()).isEqualTo("Daily Struggle");
        assertThat(ds.boxes()).hasSize(3);
        TextBox first = ds.boxes().getFirst();
        assertThat(first.angle()).isEqualTo(12.5);
        assertThat(first.style()).isEqualTo("none");
        assertThat(first.color().hex()).isEqualTo("#000000");
        assertThat(first.font()).isEqualTo("thin");
        assertThat(first.stop()).isEqualTo(0.5);
        assertThat(ds.boxes().get(1).start()).isEqualTo(0.5);
        assertThat(ds.overlays()).hasSize(1);
        assertThat(ds.overlays().getFirst().centerX()).isEqualTo(0.525);
        assertThat(ds.keywords()).isEmpty();   // "keywords:\n  -"
        assertThat(ds.example()).containsExactly("The dress is black and blue.", "The dress is gold and white.");
        TemplateInfo drake = corpus("drake");
        assertThat(drake.boxes()).containsExactly(
                new TextBox(0, 0, 1, 0.2, HAlign.CENTER, "upper", io.spool.memes.model.Rgb.WHITE, "thick", 0, 0, 1),
                new TextBox(0, 0.8, 1, 0.2, HAlign.CENTER, "upper", io.spool.memes.model.Rgb.WHITE, "thick", 0, 0, 1));
        assertThat(corpus("buzz").boxes().getFirst().start()).isEqualTo(0.05);
        assertThat(corpus("spongebob").boxes().get(1).cased("hello world")).isEqualTo("hElLo WoRlD");
        assertThat(corpus("home").boxes()).extracting(TextBox::align).contains(HAlign.LEFT);
        assertThat(corpus("balloon").boxes()).extracting(TextBox::font).contains("comic");
        assertThat(corpus("stop").boxes()).extracting(b -> b.color().hex()).contains("#fff05c", "#b1e0d0");
        assertThat(corpus("astronaut").boxes().getFirst().cased("Wait, it's all Ohio?")).isEqualTo("Wait, it's all Ohio?");
        assertThat(corpus("exit").boxes()).extracting(TextBox::style).contains("thin");
        assertThat(corpus("drake").boxes().getFirst().cased("left on read")).isEqualTo("LEFT ON READ");
    }

    @Test
    void writtenBackItReadsTheSame() throws IOException {
        for (String id : new String[] {"ds", "drake", "buzz", "spongebob", "home", "balloon", "stop", "astronaut", "exit"}) {
            TemplateInfo info = corpus(id);
            assertThat(MemegenConfig.fromTree(MemegenConfig.toTree(info), id)).as(id).isEqualTo(info);
        }
    }

    @Test
    void noTextKeyMeansMemegensTwoDefaultBoxes() {
        assertThat(MemegenConfig.parse("name: Plain\n".getBytes(StandardCharsets.UTF_8), "plain").boxes())
                .containsExactly(TextBox.TOP, TextBox.BOTTOM);
        assertThat(MemegenConfig.parse(new byte[0], "empty").boxes()).hasSize(2);
    }

    @Test
    void faultsAreRefusedNamingTheKey() {
        refused("text:\n  - anchr_x: 0.1\n", "anchr_x");
        refused("text:\n  - anchor_x: left\n", "anchor_x");
        refused("text:\n  - angle: 1000\n", "angle");
        refused("text:\n  - scale_x: 0\n", "scale");
        refused("text:\n  - align: middle\n", "align");
        refused("text:\n  - color: notacolour\n", "color");
        refused("text:\n  - start: 0.8\n    stop: 0.2\n", "start");
        refused("keywords: 3\n", "keywords");
        refused("text: [\n", "YAML");
        refused("overlays:\n  - scale: 1\n", "overlays");
    }

    private static void refused(String yaml, String part) {
        assertThatThrownBy(() -> MemegenConfig.parse(yaml.getBytes(StandardCharsets.UTF_8), "t/config.yml"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining(part);
    }

    @Test
    void aWholeCatalogueWhenGivenOne() throws IOException {
        String dir = System.getProperty("spool.memegen.configs");
        if (dir == null) {
            return;   // the corpus above is the test; this reads a full copy on demand
        }
        int read = 0;
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                TemplateInfo info = MemegenConfig.parse(Files.readAllBytes(file), file.getFileName().toString());
                assertThat(info.boxes()).as(file.toString()).isNotEmpty();
                read++;
            }
        }
        System.out.println("memegen configs read: " + read);
        assertThat(read).isPositive();
    }
}
