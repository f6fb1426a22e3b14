package io.spool.memes.templates;

import io.spool.memes.assets.Asset;
import io.spool.memes.assets.AssetStore;
import io.spool.memes.model.BadRequestException;
import io.spool.memes.model.TemplateInfo;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;

/**
 * One template of the catalogue: its name, its default picture, its alternate style pictures by style name, what
 * it says about itself ({@link TemplateInfo}: boxes, keywords, source…), and where it comes from
 * ({@code bundled}, {@code directory} or {@code database}). Immutable.
 */
public final class TemplateEntry {
    private final String name;
    private final Asset image;
    private final Map<String, Asset> styles;
    private final TemplateInfo info;
    private final String origin;
    /** A hash of the description as memegen's keys write it: the same on every instance and after restarts. */
    private final String infoVersion;

    public TemplateEntry(String name, Asset image, Map<String, Asset> styles, TemplateInfo info, String origin) {
        this.name = name;
        this.image = image;
        this.styles = Map.copyOf(styles);
        this.info = info.withStyles(styles.keySet());
        this.origin = origin;
        this.infoVersion = AssetStore.hash(MemegenConfig.toTree(info).toString().getBytes(StandardCharsets.UTF_8));
    }

    public String name() {
        return name;
    }

    /** The default picture. */
    public Asset image() {
        return image;
    }

    public Map<String, Asset> styles() {
        return styles;
    }

    public TemplateInfo info() {
        return info;
    }

    public String origin() {
        return origin;
    }

    /** The picture of {@code style} (null or {@code default}: the default one); a 400 naming {@code style} if unknown. */
    public Asset image(String style) {
        if (style == null || style.equals("default")) {
            return image;
        }
        Asset alternate = styles.get(style);
        if (alternate == null) {
            throw new BadRequestException("style: template \"" + name + "\" has no style \"" + style + "\""
                    + (styles.isEmpty() ? " (it has only its default picture)"
                    : "; it has default, " + String.join(", ", new TreeSet<>(styles.keySet()))));
        }
        return alternate;
    }

    /** The version of the description alone (boxes, keywords…), stable across instances and restarts. */
    public String infoVersion() {
        return infoVersion;
    }

    /** A version covering the picture of {@code style} and the boxes, for cache keys and ETags. */
    public String version(String style) {
        return image(style).version() + "/" + infoVersion;
    }
}
