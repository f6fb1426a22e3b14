package io.spool.memes.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.spool.memes.model.BadRequestException;
import io.spool.memes.model.Colors;
import io.spool.memes.model.LimitExceededException;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ReadableUrl;
import io.spool.web.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the three ways a caption request arrives into the JSON tree {@link CaptionRequest#parse} validates: the
 * (nested) query string of {@code GET /caption}, the JSON or urlencoded body of {@code POST /caption} and
 * {@code POST /jobs}, and the path of a readable URL {@code /images/{template}/{top}/{bottom}.png} or
 * {@code /images/{template}.png} (whose query may add styling such as {@code ?width=300&color=red,blue}).
 * Anything malformed is a {@link BadRequestException}.
 */
final class RequestTrees {
    /** Query fields a readable URL may not take, since its path says them. */
    private static final Set<String> PATH_FIELDS = Set.of("template", "captions", "top_text", "middle_text",
            "bottom_text", "format");
    /** memegen's query parameters that say nothing about the image (share tokens, redirects' status). */
    private static final Set<String> MEMEGEN_BOOKKEEPING = Set.of("token", "watermark", "status", "frames");
    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RequestTrees() {
    }

    static ObjectNode fromQuery(Context ctx) {
        ObjectNode tree = (ObjectNode) ctx.queryTree();
        JsonNode captions = tree.get("captions");
        if (captions != null && captions.isValueNode()) {
            tree.putArray("captions").add(captions); // ?captions=just+one
        }
        return tree;
    }

    /**
     * The body of {@code POST /caption} or {@code /jobs}: JSON whatever the Content-Type says (rofld reads it so,
     * and curl's {@code -d} sends {@code application/x-www-form-urlencoded}), unless a urlencoded form really is
     * a form, i.e. does not start with '{'. Trailing data after the JSON value is refused.
     */
    static ObjectNode fromBody(Context ctx, int maxBytes) {
        byte[] body = ctx.body();
        if (body != null && body.length > maxBytes) {
            // the server takes bodies up to the upload limit (images); a request as JSON or a form stays small
            throw new LimitExceededException("the request body is " + body.length + " bytes; a JSON or form body "
                    + "may have at most " + maxBytes + " (send images as multipart files)");
        }
        if (body == null || body.length == 0) {
            throw new BadRequestException("the request needs a JSON body such as {\"template\": \"chelsea\", "
                    + "\"top_text\": \"...\"}");
        }
        JsonNode tree = isForm(ctx) && !looksLikeJson(body) ? ctx.bodyJson() : strictJson(body);
        if (!(tree instanceof ObjectNode object)) {
            throw new BadRequestException("the body must be a JSON object");
        }
        return object;
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    private static JsonNode strictJson(byte[] body) {
        try {
            return STRICT_JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("invalid JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestException("unreadable body");
        }
    }

    /** {@code /images/{template}.{ext}}: the template with no text, in that format. */
    static ObjectNode fromBlankImageUrl(Context ctx, String file) {
        String name = file;
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            throw new BadRequestException("a blank image URL is /images/{template}.png (or .jpg, .gif, .webp)");
        }
        ObjectNode tree = styling(ctx);
        tree.put("template", name.substring(0, dot)).put("format", extension(name.substring(dot + 1)));
        tree.putArray("captions");
        return tree;
    }

    /**
     * {@code rest} is what follows {@code /images/{template}/}, already percent-decoded by spool-web (which
     * refuses an encoded slash, so each '/' separates two lines; memegen writes a slash in a line as {@code ~s}).
     */
    static ObjectNode fromReadableUrl(Context ctx, String template, String rest) {
        String[] raw = rest.split("/", -1);
        if (rest.isEmpty() || raw.length > ReadableUrl.MAX_LINES) {
            throw new BadRequestException("an image URL is /images/{template}/{line}/.../{line}.png with 1 to "
                    + ReadableUrl.MAX_LINES + " text segments, the last one ending in .png, .jpg, .gif or .webp");
        }
        String last = raw[raw.length - 1];
        int dot = last.lastIndexOf('.');
        if (dot < 0) {
            throw new BadRequestException("the image URL must end in .png, .jpg, .gif or .webp");
        }
        ObjectNode tree = styling(ctx);
        boolean topLayout = layoutIsTop(tree.remove("layout"));
        tree.put("template", template).put("format", extension(last.substring(dot + 1)));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            lines.add(ReadableUrl.decode(i == raw.length - 1 ? last.substring(0, dot) : raw[i]));
        }
        tree.set("captions", ReadableUrl.captions(lines, topLayout));
        return tree;
    }

    private static String extension(String extension) {
        if (!Set.of("png", "jpg", "jpeg", "gif", "webp").contains(extension.toLowerCase(Locale.ROOT))) {
            throw new BadRequestException("the image URL must end in .png, .jpg, .gif or .webp, not ." + extension);
        }
        return extension;
    }

    /**
     * The query of a readable URL as request fields: memegen's {@code color=<text>,<outline>} (hex with or
     * without '#') becomes {@code color} and {@code outline}; its bookkeeping parameters are dropped.
     */
    private static ObjectNode styling(Context ctx) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        ctx.queryTree().properties().forEach(e -> {
            String name = e.getKey().trim().toLowerCase(Locale.ROOT);
            if (PATH_FIELDS.contains(name)) {
                throw new BadRequestException("`" + name + "` is given by the image URL's path, not its query");
            }
            if (!MEMEGEN_BOOKKEEPING.contains(name)) {
                tree.set(name, e.getValue());
            }
        });
        JsonNode color = tree.get("color");
        if (color != null && color.isTextual()) {
            String[] pair = color.asText().split(",", -1);
            if (pair.length > 2) {
                throw new BadRequestException("color is <text>,<outline>, not \"" + color.asText() + "\"");
            }
            tree.put("color", Colors.parseMemegen(pair[0], "color").hex());
            if (pair.length == 2 && !pair[1].isBlank()) {
                if (tree.has("outline")) {
                    throw new BadRequestException("give the outline in color=<text>,<outline> or in outline, not both");
                }
                tree.put("outline", Colors.parseMemegen(pair[1], "color").hex());
            }
        }
        return tree;
    }

    private static boolean layoutIsTop(JsonNode layout) {
        if (layout == null || layout.isNull()) {
            return false;
        }
        String value = layout.asText().trim().toLowerCase(Locale.ROOT);
        if (!value.equals("top") && !value.equals("default")) {
            throw new BadRequestException("layout must be top or default, not \"" + layout.asText() + "\"");
        }
        return value.equals("top");
    }
}
