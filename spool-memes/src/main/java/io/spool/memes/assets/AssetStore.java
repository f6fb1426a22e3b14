package io.spool.memes.assets;

import io.spool.memes.model.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A set of named assets of one kind (templates or fonts): a bundled starter set from the classpath, overlaid by
 * the files of an optional directory (a file wins over a bundled asset of the same name). Names are lower-case
 * file names without extension; a file's extension only picks candidates, its content decides its format.
 * Aliases let {@code impact} mean the bundled Impact-like font. Immutable and thread-safe.
 */
public final class AssetStore {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final String RESOURCES = "/io/spool/memes/assets/";

    private final String kind;
    private final Map<String, Asset> assets;
    private final Map<String, String> aliases;

    private AssetStore(String kind, Map<String, Asset> assets, Map<String, String> aliases) {
        this.kind = kind;
        this.assets = Map.copyOf(assets);
        this.aliases = Map.copyOf(aliases);
    }

    /** The bundled templates (four photographs and the generated animated {@code spool}) plus {@code dir}'s. */
    public static AssetStore templates(Path dir) {
        Map<String, Asset> assets = new TreeMap<>();
        for (String file : List.of("chelsea.jpg", "coffee.jpg", "astronaut.jpg", "camera.png")) {
            addBundled(assets, "templates/" + file);
        }
        byte[] spool = DemoGif.generate();
        assets.put("spool", new Asset("spool", "generated-" + hash(spool), () -> spool));
        scan(dir, Set.of("png", "jpg", "jpeg", "gif"), assets);
        return new AssetStore("template", assets, Map.of());
    }

    /**
     * The bundled fonts plus {@code dir}'s: Anton (alias {@code impact}, {@code thick}), DejaVu Sans Bold, Noto
     * Sans and Noto Sans Bold ({@code thin}, {@code notosans}), Comic Neue Bold ({@code comic}), Noto Sans Arabic,
     * Hebrew ({@code he}), Devanagari and Thai Bold, and Droid Sans Fallback (CJK; {@code jp}). The aliases are
     * memegen's font names.
     */
    public static AssetStore fonts(Path dir) {
        Map<String, Asset> assets = new TreeMap<>();
        for (String file : List.of("anton.ttf", "noto-sans.ttf", "comic-neue-bold.otf")) {
            addBundled(assets, "fonts/" + file);
        }
        for (String name : FALLBACK_FONTS) {
            addBundled(assets, "fonts/" + name + ".ttf");
        }
        scan(dir, Set.of("ttf", "otf"), assets);
        Map<String, String> aliases = new TreeMap<>(Map.of("dejavu", FALLBACK_FONT));
        for (int i = 0; i < FONT_ALIASES.size(); i++) {
            aliases.put(FONT_ALIASES.get(i), ALIASED_FONTS.get(i));
        }
        return new AssetStore("font", assets, aliases);
    }

    /** memegen's font names, which name bundled fonts here ({@link #ALIASED_FONTS}, in the same order). */
    public static final List<String> FONT_ALIASES = List.of("thick", "thin", "comic", "notosans", "impact", "he", "jp");
    private static final List<String> ALIASED_FONTS = List.of("anton", "noto-sans", "comic-neue-bold", "noto-sans-bold",
            "anton", "noto-sans-hebrew-bold", "droid-sans-fallback");

    /** The bundled font that covers what other fonts lack (Latin, Greek, Cyrillic, many symbols). */
    public static final String FALLBACK_FONT = "dejavu-sans-bold";

    /**
     * The fonts tried, in order, for a run of text the caption's font cannot show: one font per script first
     * (Arabic, Hebrew, Devanagari, Thai: DejaVu's Arabic is plainer), then Latin, Greek and Cyrillic, CJK (Han,
     * kana, Hangul) last.
     */
    public static final List<String> FALLBACK_FONTS = List.of("noto-sans-arabic-bold", "noto-sans-hebrew-bold",
            "noto-sans-devanagari-bold", "noto-sans-thai-bold", FALLBACK_FONT, "noto-sans-bold", "droid-sans-fallback");

    /** The asset called {@code name} (or an alias of it); a {@link NotFoundException} when there is none. */
    public Asset get(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Asset asset = assets.get(aliases.getOrDefault(key, key));
        if (asset == null) {
            throw new NotFoundException("no " + kind + " called \"" + name + "\"");
        }
        return asset;
    }

    /** Every asset name, sorted (aliases not included). */
    public List<String> names() {
        return assets.keySet().stream().sorted().toList();
    }

    private static void addBundled(Map<String, Asset> assets, String resource) {
        byte[] bytes = resource(resource);
        String name = baseName(resource.substring(resource.lastIndexOf('/') + 1));
        assets.put(name, new Asset(name, "bundled-" + hash(bytes), () -> bytes));
    }

    private static void scan(Path dir, Set<String> extensions, Map<String, Asset> into) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
                String name = baseName(fileName);
                String ext = fileName.substring(Math.min(fileName.length(), name.length() + 1));
                if (extensions.contains(ext) && NAME.matcher(name).matches()) {
                    into.put(name, new Asset(name, fileVersion(file), () -> Files.readAllBytes(file)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String fileVersion(Path file) {
        try {
            return "file-" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    private static byte[] resource(String path) {
        try (InputStream in = AssetStore.class.getResourceAsStream(RESOURCES + path)) {
            if (in == null) {
                throw new IllegalStateException("bundled asset missing from the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short hex SHA-256 of {@code bytes}: versions and ETags. */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
