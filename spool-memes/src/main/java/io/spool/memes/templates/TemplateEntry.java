package io.spool.memes.templates;

import io.spool.memes.assets.Asset;
import io.spool.memes.model.BadRequestException;
import io.spool.memes.model.TemplateInfo;
import java.util.Map;
import java.util.TreeSet;

/**
 * One template of the catalogue: its name, its default picture, its alternate style pictures by style name, what
 * it says about itself ({@link TemplateInfo}: boxes, keywords, source…), and where it comes from
 * ({@code bundled}, {@code directory} or {@code database}).
 */
public record TemplateEntry(String name, Asset image, Map<String, Asset> styles, TemplateInfo info, String origin) {
    public TemplateEntry {
        styles = Map.copyOf(styles);
        info = info.withStyles(styles.keySet());
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

    /** A version covering the pictures and the boxes, for cache keys and ETags. */
    public String version(String style) {
        return image(style).version() + "/" + Integer.toHexString(info.hashCode());
    }
}
