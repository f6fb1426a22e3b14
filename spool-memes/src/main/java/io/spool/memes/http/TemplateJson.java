package io.spool.memes.http;

import io.spool.memes.model.Overlay;
import io.spool.memes.model.TemplateInfo;
import io.spool.memes.model.TextBox;
import io.spool.memes.templates.TemplateEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A template's metadata as {@code GET /templates?details} and {@code GET /templates/{name}.json} answer it: name,
 * title, origin, picture size, frames and format, text boxes (memegen's keys), styles, overlays, keywords, example,
 * source, and the URLs of its picture and of a blank image.
 */
final class TemplateJson {
    private TemplateJson() {
    }

    static Map<String, Object> of(TemplateEntry entry, ImageCheck.Summary summary) {
        TemplateInfo info = entry.info();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", entry.name());
        out.put("title", info.title().isEmpty() ? entry.name() : info.title());
        out.put("origin", entry.origin());
        out.put("width", summary == null ? null : summary.width());
        out.put("height", summary == null ? null : summary.height());
        out.put("frames", summary == null ? null : summary.frames());
        out.put("format", summary == null ? null : summary.format().name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> boxes = new ArrayList<>();
        for (TextBox b : info.boxes()) {
            Map<String, Object> box = new LinkedHashMap<>();
            box.put("anchor_x", b.anchorX());
            box.put("anchor_y", b.anchorY());
            box.put("scale_x", b.scaleX());
            box.put("scale_y", b.scaleY());
            box.put("align", b.align().name().toLowerCase(Locale.ROOT));
            box.put("style", b.style());
            box.put("color", b.color().hex());
            box.put("font", b.font());
            box.put("angle", b.angle());
            box.put("start", b.start());
            box.put("stop", b.stop());
            boxes.add(box);
        }
        out.put("boxes", boxes);
        out.put("styles", new ArrayList<>(new TreeSet<>(info.styles())));
        List<Map<String, Object>> overlays = new ArrayList<>();
        for (Overlay o : info.overlays()) {
            overlays.add(Map.of("center_x", o.centerX(), "center_y", o.centerY(), "angle", o.angle(), "scale", o.scale()));
        }
        out.put("overlays", overlays);
        out.put("keywords", info.keywords());
        out.put("example", info.example());
        out.put("source", info.source());
        out.put("image", "/templates/" + entry.name());
        out.put("blank", "/images/" + entry.name() + ".png");
        return out;
    }
}
