package io.spool.memes.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A validated captioning request, parsed from the JSON tree that the HTTP layer makes of a query string or a body
 * (rofld-compatible). Two forms are accepted, never mixed: the simple one with {@code top_text},
 * {@code middle_text}, {@code bottom_text} and their {@code _align/_font/_color/_outline/_size}, and the full one
 * with a {@code captions} list of strings (1 → bottom; 2 → top, bottom; 3 → top, middle, bottom) or of objects.
 * Wholesale {@code font}, {@code color}, {@code outline} and {@code size} apply to every caption that does not
 * say otherwise. {@code width}/{@code height} are null when not given, {@code format} is null to follow the
 * template. Any input that is not a valid request fails with a {@link BadRequestException}.
 */
public record CaptionRequest(String template, List<Caption> captions, Integer width, Integer height, ImageFormat format,
                             String style, String background) {
    public static final int MAX_CAPTIONS = 16;
    /** The most overlay pictures a URL style may name (memegen templates have one or two overlay areas). */
    public static final int MAX_OVERLAYS = 8;
    public static final int MAX_TEXT_CODE_POINTS = 256;
    public static final int MAX_DIMENSION = 1024;

    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final List<String> SIMPLE_PLACES = List.of("top", "middle", "bottom");
    private static final List<String> SIMPLE_FIELDS = List.of("text", "align", "font", "color", "outline", "size");
    private static final List<String> WHOLESALE_FIELDS = List.of("font", "color", "outline", "size");
    private static final Set<String> REQUEST_FIELDS = requestFields();
    private static final Set<String> CAPTION_FIELDS = Set.of("text", "valign", "halign", "align", "font", "color",
            "outline", "size");

    /** The template memegen calls {@code custom}: the name a request with a background and no template gets. */
    public static final String CUSTOM = "custom";
    /** How an uploaded background is named inside the service (never accepted from a client). */
    public static final String UPLOAD_PREFIX = "upload:";

    private static final Pattern STYLE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public CaptionRequest {
        captions = List.copyOf(captions);
    }

    public CaptionRequest(String template, List<Caption> captions, Integer width, Integer height, ImageFormat format) {
        this(template, captions, width, height, format, null, null);
    }

    /** This request drawn on {@code image} (a URL, or an {@link #UPLOAD_PREFIX upload} the service stored). */
    public CaptionRequest withBackground(String image) {
        return new CaptionRequest(template, captions, width, height, format, style, image);
    }

    /**
     * Parses and validates a request tree. Field names are trimmed and lower-cased first; unknown fields, a
     * wholesale field together with a caption's own ({@code color} and {@code top_color}) and a caption object
     * without text are refused, as rofld refuses them.
     */
    public static CaptionRequest parse(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new BadRequestException("the request must be a JSON object");
        }
        JsonNode root = FieldNames.normalized(tree);
        FieldNames.requireKnown(root, REQUEST_FIELDS, "the request");
        for (String field : WHOLESALE_FIELDS) {
            for (String place : SIMPLE_PLACES) {
                if (root.has(field) && root.has(place + "_" + field)) {
                    throw new BadRequestException("duplicate field `" + field + "`: give " + field + " or "
                            + place + "_" + field + ", not both");
                }
            }
        }
        String background = background(root.get("background"));
        String template = background != null && JsonValues.absent(root.get("template")) ? CUSTOM
                : templateName(root.get("template"));
        String style = styleName(root.get("style"));
        Style base = Style.DEFAULT.over(root, "");
        boolean full = root.has("captions");
        boolean simple = SIMPLE_PLACES.stream()
                .anyMatch(place -> SIMPLE_FIELDS.stream().anyMatch(field -> root.has(place + "_" + field)));
        if (full && simple) {
            throw new BadRequestException("use either captions or top_text/middle_text/bottom_text, not both");
        }
        List<Caption> captions = full ? fullForm(root.get("captions"), base) : simpleForm(root, base);
        Integer width = dimension(root.get("width"), "width");
        Integer height = dimension(root.get("height"), "height");
        String format = JsonValues.text(root.get("format"), "format");
        return new CaptionRequest(template, captions, width, height, format == null ? null : ImageFormat.parse(format),
                style, background);
    }

    /** The canonical JSON of this request: equal requests give equal trees, whatever form they came in. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode().put("template", template);
        ArrayNode list = root.putArray("captions");
        for (Caption c : captions) {
            list.addObject()
                    .put("text", c.text())
                    .put("valign", c.valign().name().toLowerCase(Locale.ROOT))
                    .put("halign", c.halign().name().toLowerCase(Locale.ROOT))
                    .put("font", c.font())
                    .put("color", c.color().hex())
                    .put("outline", c.outline() == null ? null : c.outline().hex())
                    .put("size", c.size().spelling());
        }
        root.put("width", width).put("height", height);
        root.put("format", format == null ? null : format.name().toLowerCase(Locale.ROOT));
        if (style != null) {   // only when given, so the ETags of requests without them stay as they were
            root.put("style", style);
        }
        if (background != null) {
            root.put("background", background);
        }
        return root;
    }

    /** The canonical JSON as a string: the cache key and the input of the ETag. */
    public String normalized() {
        return toJson().toString();
    }

    private static String templateName(JsonNode node) {
        String name = JsonValues.text(node, "template");
        if (name == null || name.isBlank()) {
            throw new BadRequestException("template is required");
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        if (!TEMPLATE_NAME.matcher(lower).matches()) {
            // no template has such a name (rofld, looking it up, answers 404 too)
            throw new NotFoundException("no template \"" + name + "\" (names are letters, digits, '-' or '_', up to 64)");
        }
        return lower;
    }

    private static String styleName(JsonNode node) {
        String style = JsonValues.text(node, "style");
        if (style == null || style.isBlank()) {
            return null;
        }
        String lower = style.trim().toLowerCase(Locale.ROOT);
        if (isUrlStyle(lower)) {
            return overlayUrls(style.trim());
        }
        if (!STYLE_NAME.matcher(lower).matches()) {
            throw new BadRequestException("style must be the name of one of the template's styles, not \"" + style + "\"");
        }
        return lower.equals("default") ? null : lower;
    }

    /** Whether {@code style} names overlay pictures (memegen's {@code ?style=URL[,URL...]}) rather than a style. */
    public static boolean isUrlStyle(String style) {
        String lower = style.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The overlay URLs of a URL style, in order. */
    public static List<String> overlayUrls(CaptionRequest request) {
        return request.style() == null || !isUrlStyle(request.style()) ? List.of()
                : List.of(request.style().split(","));
    }

    /** A URL style checked: up to {@link #MAX_OVERLAYS} comma-separated http(s) URLs of up to 2048 characters. */
    private static String overlayUrls(String style) {
        String[] urls = style.split(",", -1);
        if (urls.length > MAX_OVERLAYS) {
            throw new BadRequestException("style: at most " + MAX_OVERLAYS + " overlay image URLs, not " + urls.length);
        }
        List<String> trimmed = new ArrayList<>();
        for (String url : urls) {
            String u = url.trim();
            if (!isUrlStyle(u) || u.length() > 2048) {
                throw new BadRequestException("style: each overlay image must be an http:// or https:// URL (up to "
                        + "2048 characters), not \"" + (u.length() > 80 ? u.substring(0, 80) + "…" : u) + "\"");
            }
            trimmed.add(u);
        }
        return String.join(",", trimmed);
    }

    /** An http(s) URL of an image to caption instead of the template's picture. */
    private static String background(JsonNode node) {
        String url = JsonValues.text(node, "background");
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || trimmed.length() > 2048) {
            throw new BadRequestException("background must be an http:// or https:// URL of an image (up to 2048 "
                    + "characters), not \"" + (trimmed.length() > 80 ? trimmed.substring(0, 80) + "…" : trimmed) + "\"");
        }
        return trimmed;
    }

    private static Integer dimension(JsonNode node, String field) {
        return JsonValues.absent(node) ? null : JsonValues.intValue(node, field, 1, MAX_DIMENSION);
    }

    private static List<Caption> simpleForm(JsonNode root, Style base) {
        List<Caption> captions = new ArrayList<>();
        for (String place : SIMPLE_PLACES) {
            String text = JsonValues.text(root.get(place + "_text"), place + "_text");
            // a place's style is checked even without its text: a typo there is still the client's mistake
            Style style = base.over(root, place + "_");
            JsonNode align = root.get(place + "_align");
            HAlign halign = JsonValues.absent(align) ? HAlign.CENTER : JsonValues.enumValue(align, place + "_align", HAlign.class);
            if (text == null) {
                continue;
            }
            VAlign valign = VAlign.valueOf(place.toUpperCase(Locale.ROOT));
            captions.add(caption(text, place + "_text", valign, halign, style));
        }
        return captions;
    }

    private static List<Caption> fullForm(JsonNode node, Style base) {
        List<JsonNode> items = items(node);
        if (items.size() > MAX_CAPTIONS) {
            throw new BadRequestException("at most " + MAX_CAPTIONS + " captions, not " + items.size());
        }
        long objects = items.stream().filter(JsonNode::isObject).count();
        if (objects != 0 && objects != items.size()) {
            throw new BadRequestException("captions must all be strings or all be objects");
        }
        if (objects == 0 && items.size() > 3) {
            throw new BadRequestException("a list of plain strings holds 1 to 3 captions; use objects for more");
        }
        List<Caption> captions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "captions[" + i + "]";
            JsonNode item = items.get(i);
            VAlign place = defaultPlace(i, items.size());
            if (!item.isObject()) {
                String text = JsonValues.text(item, field);
                captions.add(caption(text == null ? "" : text, field, place, HAlign.CENTER, base));
                continue;
            }
            FieldNames.requireKnown(item, CAPTION_FIELDS, field);
            String text = JsonValues.text(item.get("text"), field + ".text");
            if (text == null || text.isEmpty()) {
                throw new BadRequestException(field + " needs a non-empty text");
            }
            if (!JsonValues.absent(item.get("halign")) && !JsonValues.absent(item.get("align"))) {
                throw new BadRequestException("duplicate field `align` in " + field + " (halign and align)");
            }
            JsonNode valign = item.get("valign");
            JsonNode halign = JsonValues.absent(item.get("halign")) ? item.get("align") : item.get("halign");
            captions.add(caption(text, field + ".text",
                    JsonValues.absent(valign) ? place : JsonValues.enumValue(valign, field + ".valign", VAlign.class),
                    JsonValues.absent(halign) ? HAlign.CENTER : JsonValues.enumValue(halign, field + ".halign", HAlign.class),
                    base.over(item, "")));
        }
        return captions;
    }

    /** The list items; a query string's {@code captions[0][text]} may arrive as an object keyed "0", "1", … */
    private static List<JsonNode> items(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }
        if (node.isObject()) {
            Map<Integer, JsonNode> byIndex = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getKey().matches("\\d{1,2}")) {
                    throw new BadRequestException("captions must be a list (object keys must be indexes, not \""
                            + e.getKey() + "\")");
                }
                int index = Integer.parseInt(e.getKey());
                if (byIndex.put(index, e.getValue()) != null) {
                    throw new BadRequestException("captions has index " + index + " twice (as \"" + e.getKey()
                            + "\" and another spelling)");
                }
            }
            return new ArrayList<>(byIndex.values());
        }
        throw new BadRequestException("captions must be a list");
    }

    private static Set<String> requestFields() {
        Set<String> fields = new HashSet<>(List.of("template", "captions", "width", "height", "format", "style",
                "background"));
        fields.addAll(WHOLESALE_FIELDS);
        for (String place : SIMPLE_PLACES) {
            SIMPLE_FIELDS.forEach(f -> fields.add(place + "_" + f));
        }
        return Set.copyOf(fields);
    }

    /** rofld's placement of unplaced captions: 1 → bottom; 2 → top, bottom; 3 → top, middle, bottom. */
    static VAlign defaultPlace(int index, int count) {
        if (count == 1) {
            return VAlign.BOTTOM;
        }
        if (count == 3 && index == 1) {
            return VAlign.MIDDLE;
        }
        return index == 0 ? VAlign.TOP : VAlign.BOTTOM;
    }

    private static Caption caption(String raw, String field, VAlign valign, HAlign halign, Style style) {
        String text = cleanText(raw);
        int length = text.codePointCount(0, text.length());
        if (length > MAX_TEXT_CODE_POINTS) {
            throw new BadRequestException(field + " has " + length + " characters; at most " + MAX_TEXT_CODE_POINTS);
        }
        return new Caption(text, valign, halign, style.font(), style.color(), style.outline(), style.size());
    }

    /** NFC, line breaks as {@code \n}, every other control character a space. */
    static String cleanText(String raw) {
        String nfc = Normalizer.normalize(raw.replace("\r\n", "\n"), Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> sb.appendCodePoint(cp != '\n' && Character.isISOControl(cp) ? ' ' : cp));
        return sb.toString();
    }
}
