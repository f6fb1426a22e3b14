package io.spool.bench.memes;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemesOptionsTest {
    @Test
    void defaultsRunEveryContenderOnEveryFormat() {
        MemesOptions o = MemesOptions.parse();
        assertThat(o.contenders()).containsExactly("spool-memes", "sharp", "pillow", "imagemagick");
        assertThat(o.workloads()).containsExactly(Workload.PNG, Workload.JPEG, Workload.GIF);
        assertThat(o.clients()).isEqualTo(64);
        assertThat(o.rounds()).isEqualTo(3);
    }

    @Test
    void picksContendersAndFormats() {
        MemesOptions o = MemesOptions.parse("--contenders", "Sharp, spool-memes", "--only", "jpeg,png",
                "--seconds", "5", "--rounds", "2", "--clients", "8", "--warmup", "0");
        assertThat(o.contenders()).containsExactly("sharp", "spool-memes");
        assertThat(o.runs("pillow")).isFalse();
        assertThat(o.workloads()).isEqualTo(List.of(Workload.JPEG, Workload.PNG));
        assertThat(List.of(o.seconds(), o.rounds(), o.clients(), o.warmup())).containsExactly(5, 2, 8, 0);
    }

    @Test
    void badInputSaysWhatIsAllowed() {
        assertThatThrownBy(() -> MemesOptions.parse("--contenders", "sharp,gm"))
                .hasMessage("--contenders takes spool-memes, sharp, pillow, imagemagick, not gm");
        assertThatThrownBy(() -> MemesOptions.parse("--only", "webp")).hasMessageContaining("not webp");
        assertThatThrownBy(() -> MemesOptions.parse("--rounds", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> MemesOptions.parse("--seconds")).hasMessage("--seconds needs a value");
        assertThatThrownBy(() -> MemesOptions.parse("--fast", "1")).hasMessageContaining("unknown option --fast");
    }
}
