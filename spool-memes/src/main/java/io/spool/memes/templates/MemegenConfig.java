package io.spool.memes.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.spool.memes.model.BadRequestException;
import io.spool.memes.model.Colors;
import io.spool.memes.model.HAlign;
import io.spool.memes.model.Overlay;
import io.spool.memes.model.TemplateInfo;
import io.spool.memes.model.TextBox;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes memegen's template {@code config.yml} ({@code name}, {@code source}, {@code keywords},
 * {@code example}, {@code text} boxes, {@code overlay} areas), the same keys as JSON for uploads. Missing keys take
 * memegen's defaults (two boxes, top and bottom, when {@code text} is absent; each box's own defaults for its
 * missing keys); a key of the wrong type or out of range is a {@link BadRequestException} naming it. Keys memegen
 * does not define are refused too, so a typo in a box is not a silently misplaced caption.
 */
public final class MemegenConfig {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> TOP_KEYS = Set.of("name", "source", "keywords", "example", "text", "overlay");
    private static final Set<String> BOX_KEYS = Set.of("style", "color", "font", "anchor_x", "anchor_y", "angle",
            "scale_x", "scale_y", "align", "start", "stop");
    private static final Set<String> OVERLAY_KEYS = Set.of("center_x", "center_y", "angle", "scale", "start", "stop");

    private MemegenConfig() {
    }

    /** Parses YAML (or JSON) bytes; {@code where} names the file or field in errors. */
    public static TemplateInfo parse(byte[] yaml, String where) {
        JsonNode root;
        try {
            root = yaml.length == 0 ? JsonNodeFactory.instance.objectNode() : YAML.readTree(yaml);
        } catch (IOException e) {
            throw new BadRequestException(where + " is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = JsonNodeFactory.instance.objectNode();
        }
        return fromTree(root, where);
    }

    /** The template description in {@code root}, a YAML or JSON object. */
    public static TemplateInfo fromTree(JsonNode root, String where) {
        if (!root.isObject()) {
            throw new BadRequestException(where + " must be a mapping of name, source, keywords, example, text, overlay");
        }
        requireKnown(root, TOP_KEYS, where);
        List<TextBox> boxes = new ArrayList<>();
        if (root.has("text")) {
            int i = 0;
            for (JsonNode box : list(root.get("text"), where + ".text")) {
                boxes.add(box(box, where + ".text[" + i++ + "]"));
            }
        } else {
            boxes.addAll(List.of(TextBox.TOP, TextBox.BOTTOM));
        }
        List<Overlay> overlays = new ArrayList<>();
        int i = 0;
        for (JsonNode o : list(root.get("overlay"), where + ".overlay")) {
            String at = where + ".overlay[" + i++ + "]";
            requireKnown(o, OVERLAY_KEYS, at);
            overlays.add(new Overlay(number(o, "center_x", 0.5, at), number(o, "center_y", 0.5, at),
                    number(o, "angle", 0, at), number(o, "scale", 0.25, at)));
        }
        return new TemplateInfo(text(root.get("name"), where + ".name"), text(root.get("source"), where + ".source"),
                strings(root.get("keywords"), where + ".keywords"), strings(root.get("example"), where + ".example"),
                boxes, Set.of(), overlays);
    }

    /** {@code info} as the JSON tree {@link #fromTree} reads back (what the database stores). */
    public static ObjectNode toTree(TemplateInfo info) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", info.title());
        if (info.source() != null) {
            root.put("source", info.source());
        }
        info.keywords().forEach(root.withArray("keywords")::add);
        info.example().forEach(root.withArray("example")::add);
        ArrayNode text = root.putArray("text");
        for (TextBox b : info.boxes()) {
            ObjectNode box = text.addObject().put("style", b.style()).put("color", b.color().hex())
                    .put("anchor_x", b.anchorX()).put("anchor_y", b.anchorY()).put("angle", b.angle())
                    .put("scale_x", b.scaleX()).put("scale_y", b.scaleY())
                    .put("align", b.align().name().toLowerCase(Locale.ROOT)).put("start", b.start()).put("stop", b.stop());
            if (b.font() != null) {
                box.put("font", b.font());
            }
        }
        ArrayNode overlay = root.putArray("overlay");
        for (Overlay o : info.overlays()) {
            overlay.addObject().put("center_x", o.centerX()).put("center_y", o.centerY()).put("angle", o.angle())
                    .put("scale", o.scale());
        }
        return root;
    }

    private static TextBox box(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new BadRequestException(at + " must be a mapping of " + String.join(", ", BOX_KEYS));
        }
        requireKnown(node, BOX_KEYS, at);
        TextBox d = TextBox.TOP;
        String align = text(node.get("align"), at + ".align");
        HAlign halign;
        try {
            halign = align == null ? HAlign.CENTER : HAlign.valueOf(align.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(at + ".align must be left, center or right, not \"" + align + "\"");
        }
        String color = text(node.get("color"), at + ".color");
        String font = text(node.get("font"), at + ".font");
        try {
            return new TextBox(number(node, "anchor_x", d.anchorX(), at), number(node, "anchor_y", d.anchorY(), at),
                    number(node, "scale_x", d.scaleX(), at), number(node, "scale_y", d.scaleY(), at), halign,
                    text(node.get("style"), at + ".style"),
                    color == null ? io.spool.memes.model.Rgb.WHITE : Colors.parseMemegen(color, at + ".color"),
                    font == null ? null : font.trim().toLowerCase(Locale.ROOT),
                    number(node, "angle", 0, at), number(node, "start", 0, at), number(node, "stop", 1, at));
        } catch (BadRequestException e) {
            throw e.getMessage().startsWith(at) ? e : new BadRequestException(at + ": " + e.getMessage());
        }
    }

    private static List<JsonNode> list(JsonNode node, String at) {
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isArray()) {
            throw new BadRequestException(at + " must be a list");
        }
        node.forEach(item -> {
            if (!item.isNull()) {   // memegen writes "keywords:\n  -" for none
                items.add(item);
            }
        });
        return items;
    }

    private static List<String> strings(JsonNode node, String at) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : list(node, at)) {
            if (!item.isValueNode()) {
                throw new BadRequestException(at + " must be a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }

    private static String text(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new BadRequestException(at + " must be a string");
        }
        return node.asText();
    }

    private static double number(JsonNode node, String key, double fallback, String at) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        try {
            return Double.parseDouble(value.asText().trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException(at + "." + key + " must be a number, not \"" + value.asText() + "\"");
        }
    }

    private static void requireKnown(JsonNode node, Set<String> known, String at) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new BadRequestException("unknown key `" + name + "` in " + at + "; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(known)));
            }
        });
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
