package io.spool.memes.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spool.memes.model.ImageFormat;
import io.spool.memes.model.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetStoreTest {
    @Test
    void bundledTemplatesAreSmallImagesOfTheFormatTheirBytesSay() {
        AssetStore store = AssetStore.templates(null);
        assertThat(store.names()).containsExactly("astronaut", "camera", "chelsea", "coffee", "spool");
        for (String name : store.names()) {
            byte[] bytes = store.get(name).bytes();
            assertThat(bytes.length).as(name).isLessThan(200 * 1024);
            assertThat(ImageFormat.detect(bytes)).as(name).isPresent();
        }
        assertThat(ImageFormat.detect(store.get("spool").bytes())).contains(ImageFormat.GIF);
        assertThat(store.get("Chelsea").version()).startsWith("bundled-");
    }

    @Test
    void bundledFontsWithAliases() {
        AssetStore fonts = AssetStore.fonts(null);
        assertThat(fonts.names()).contains("anton", AssetStore.FALLBACK_FONT).containsAll(AssetStore.FALLBACK_FONTS);
        assertThat(fonts.get("IMPACT")).isSameAs(fonts.get("anton"));
        assertThat(fonts.get("dejavu").name()).isEqualTo(AssetStore.FALLBACK_FONT);
        // memegen's font names
        assertThat(fonts.get("thick").name()).isEqualTo("anton");
        assertThat(fonts.get("thin").name()).isEqualTo("noto-sans");
        assertThat(fonts.get("comic").name()).isEqualTo("comic-neue-bold");
        assertThat(fonts.get("notosans").name()).isEqualTo("noto-sans-bold");
        assertThat(fonts.get("he").name()).isEqualTo("noto-sans-hebrew-bold");
        assertThat(fonts.get("jp").name()).isEqualTo("droid-sans-fallback");
        assertThatThrownBy(() -> fonts.get("papyrus")).isInstanceOf(NotFoundException.class)
                .hasMessage("no font called \"papyrus\"");
    }

    @Test
    void directoryFilesJoinAndOverrideTheBundledSet(@TempDir Path dir) throws Exception {
        byte[] gif = DemoGif.generate();
        Files.write(dir.resolve("Mine.GIF"), gif);
        Files.write(dir.resolve("chelsea.png"), gif);
        Files.write(dir.resolve("notes.txt"), new byte[] {1});
        Files.write(dir.resolve("bad name!.png"), gif);
        AssetStore store = AssetStore.templates(dir);
        assertThat(store.names()).contains("mine", "chelsea").doesNotContain("notes", "bad name!");
        assertThat(store.get("chelsea").version()).startsWith("file-");
        assertThat(Arrays.equals(store.get("mine").bytes(), gif)).isTrue();
    }

    @Test
    void theGeneratedAnimationIsTheSameEveryTime() {
        assertThat(DemoGif.generate()).isEqualTo(DemoGif.generate());
    }
}
