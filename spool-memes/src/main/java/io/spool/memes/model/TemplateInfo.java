package io.spool.memes.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a template says about itself besides its picture: a display title, where it comes from ({@code source}, a
 * URL or a note), search keywords, example captions, its text boxes (empty: rofld's top/middle/bottom placement),
 * the names of its alternate style images, and its overlay areas.
 */
public record TemplateInfo(String title, String source, List<String> keywords, List<String> example,
                           List<TextBox> boxes, Set<String> styles, List<Overlay> overlays) {
    /** A template that is only a picture. */
    public static final TemplateInfo NONE = new TemplateInfo("", null, List.of(), List.of(), List.of(), Set.of(),
            List.of());

    public TemplateInfo {
        title = title == null ? "" : title;
        keywords = List.copyOf(keywords);
        example = List.copyOf(example);
        boxes = List.copyOf(boxes);
        styles = Set.copyOf(styles);
        overlays = List.copyOf(overlays);
    }

    /** Whether {@code query} (lower case) occurs in the name, title, keywords or source. */
    public boolean matches(String name, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        return name.contains(q) || title.toLowerCase(Locale.ROOT).contains(q)
                || keywords.stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).contains(q))
                || source != null && source.toLowerCase(Locale.ROOT).contains(q);
    }

    public TemplateInfo withStyles(Set<String> names) {
        return new TemplateInfo(title, source, keywords, example, boxes, names, overlays);
    }
}
