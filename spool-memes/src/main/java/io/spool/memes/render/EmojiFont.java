package io.spool.memes.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Colour emoji from a CBDT/CBLC font (Noto Color Emoji): the JDK shapes emoji with it (so ZWJ sequences, skin
 * tones, keycaps and flags become the font's single ligature glyph), but Java2D draws no colour bitmap glyphs, so
 * the glyph's PNG is taken from the font's CBDT table here and drawn as an image. The font is not bundled (11 MB):
 * it is Debian's {@code fonts-noto-color-emoji}, found at {@code SPOOL_MEMES_EMOJI_FONT} (environment) or
 * {@code spool.memes.emojiFont} (system property), else at Debian's path; without it emoji fall back to the text
 * fonts' monochrome glyphs.
 */
final class EmojiFont {
    private static final List<Path> DEBIAN = List.of(Path.of("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"));
    private static final Optional<EmojiFont> INSTALLED = locate();

    /** The font at size 1, for shaping and advances. */
    final Font font;
    private final ByteBuffer cbdt;
    /** Glyph id to the offset and length of its CBDT image record. */
    private final Map<Integer, long[]> glyphs;
    private final Cache<Integer, Optional<BufferedImage>> images = Caffeine.newBuilder().maximumSize(512).build();

    private EmojiFont(Font font, ByteBuffer cbdt, Map<Integer, long[]> glyphs) {
        this.font = font;
        this.cbdt = cbdt;
        this.glyphs = glyphs;
    }

    /** The colour emoji font of this host, if one was found. */
    static Optional<EmojiFont> installed() {
        return INSTALLED;
    }

    /** Reads {@code bytes} as a CBDT colour font; empty when it is none. */
    static Optional<EmojiFont> read(byte[] bytes) throws IOException, FontFormatException {
        ByteBuffer file = ByteBuffer.wrap(bytes);
        Map<String, ByteBuffer> tables = tables(file);
        ByteBuffer cblc = tables.get("CBLC");
        ByteBuffer cbdt = tables.get("CBDT");
        if (cblc == null || cbdt == null) {
            return Optional.empty();
        }
        Font font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes));
        return Optional.of(new EmojiFont(font, cbdt, index(cblc)));
    }

    /** The colour image of {@code glyph}, if the font has one. */
    Optional<BufferedImage> image(int glyph) {
        return images.get(glyph, this::decode);
    }

    private Optional<BufferedImage> decode(int glyph) {
        long[] at = glyphs.get(glyph);
        if (at == null) {
            return Optional.empty();
        }
        int offset = (int) at[0];
        int format = (int) at[1];
        int png = switch (format) {
            case 17 -> offset + 5 + 4; // small metrics, data length
            case 18 -> offset + 8 + 4; // big metrics, data length
            case 19 -> offset + 4;
            default -> -1;
        };
        if (png < 0) {
            return Optional.empty();
        }
        int length = cbdt.getInt(png - 4);
        byte[] data = new byte[length];
        cbdt.get(png, data);
        try {
            return Optional.ofNullable(ImageIO.read(new ByteArrayInputStream(data)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<EmojiFont> locate() {
        String configured = System.getenv("SPOOL_MEMES_EMOJI_FONT");
        configured = configured != null ? configured : System.getProperty("spool.memes.emojiFont");
        List<Path> candidates = configured != null ? List.of(Path.of(configured)) : DEBIAN;
        for (Path path : candidates) {
            if (Files.isReadable(path)) {
                try {
                    return read(Files.readAllBytes(path));
                } catch (IOException | FontFormatException | RuntimeException e) {
                    System.getLogger(EmojiFont.class.getName()).log(System.Logger.Level.WARNING,
                            "cannot read the emoji font " + path + ": " + e);
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, ByteBuffer> tables(ByteBuffer file) {
        Map<String, ByteBuffer> tables = new HashMap<>();
        int count = file.getShort(4) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int record = 12 + 16 * i;
            byte[] tag = new byte[4];
            file.get(record, tag);
            int offset = file.getInt(record + 8);
            int length = file.getInt(record + 12);
            tables.put(new String(tag, StandardCharsets.US_ASCII), file.slice(offset, length));
        }
        return tables;
    }

    /**
     * Glyph id → {offset in CBDT, image format} for the largest strike, from the CBLC index sub-tables (formats
     * 1 to 5 of the OpenType specification).
     */
    private static Map<Integer, long[]> index(ByteBuffer cblc) {
        int sizes = cblc.getInt(4);
        int best = -1;
        int bestPpem = -1;
        for (int i = 0; i < sizes; i++) {
            int ppem = cblc.get(8 + 48 * i + 45) & 0xFF;
            if (ppem > bestPpem) {
                best = i;
                bestPpem = ppem;
            }
        }
        Map<Integer, long[]> glyphs = new HashMap<>();
        if (best < 0) {
            return glyphs;
        }
        int size = 8 + 48 * best;
        int arrayOffset = cblc.getInt(size);
        int subTables = cblc.getInt(size + 8);
        for (int i = 0; i < subTables; i++) {
            int entry = arrayOffset + 8 * i;
            int first = cblc.getShort(entry) & 0xFFFF;
            int last = cblc.getShort(entry + 2) & 0xFFFF;
            int sub = arrayOffset + cblc.getInt(entry + 4);
            int indexFormat = cblc.getShort(sub) & 0xFFFF;
            int imageFormat = cblc.getShort(sub + 2) & 0xFFFF;
            int imageData = cblc.getInt(sub + 4);
            int body = sub + 8;
            switch (indexFormat) {
                case 1 -> {
                    for (int g = first; g <= last; g++) {
                        put(glyphs, g, imageData + cblc.getInt(body + 4 * (g - first)), imageFormat);
                    }
                }
                case 3 -> {
                    for (int g = first; g <= last; g++) {
                        put(glyphs, g, imageData + (cblc.getShort(body + 2 * (g - first)) & 0xFFFF), imageFormat);
                    }
                }
                case 2 -> {
                    int imageSize = cblc.getInt(body);
                    for (int g = first; g <= last; g++) {
                        put(glyphs, g, imageData + (long) imageSize * (g - first), imageFormat);
                    }
                }
                case 4 -> {
                    int n = cblc.getInt(body);
                    for (int k = 0; k < n; k++) {
                        int pair = body + 4 + 4 * k;
                        put(glyphs, cblc.getShort(pair) & 0xFFFF, imageData + (cblc.getShort(pair + 2) & 0xFFFF),
                                imageFormat);
                    }
                }
                case 5 -> {
                    int imageSize = cblc.getInt(body);
                    int n = cblc.getInt(body + 12);
                    for (int k = 0; k < n; k++) {
                        put(glyphs, cblc.getShort(body + 16 + 2 * k) & 0xFFFF, imageData + (long) imageSize * k,
                                imageFormat);
                    }
                }
                default -> {
                    // an unknown index format: its glyphs keep their monochrome fallback
                }
            }
        }
        return glyphs;
    }

    private static void put(Map<Integer, long[]> glyphs, int glyph, long offset, int imageFormat) {
        glyphs.putIfAbsent(glyph, new long[] {offset, imageFormat});
    }
}
