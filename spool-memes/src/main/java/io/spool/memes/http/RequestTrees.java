package io.spool.memes.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spool.memes.model.BadRequestException;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ReadableUrl;
import io.spool.web.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * Turns the three ways a caption request arrives into the JSON tree {@link CaptionRequest#parse} validates: the
 * (nested) query string of {@code GET /caption}, the JSON or urlencoded body of {@code POST /caption} and
 * {@code POST /jobs}, and the path of a readable URL {@code /images/{template}/{top}/{bottom}.png} (whose query
 * may add styling such as {@code ?width=300&font=impact}). Anything malformed is a {@link BadRequestException}.
 */
final class RequestTrees {
    /** Query fields a readable URL may not take, since its path says them. */
    private static final Set<String> PATH_FIELDS = Set.of("template", "captions", "top_text", "middle_text",
            "bottom_text", "format");

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

    static ObjectNode fromBody(Context ctx) {
        if (ctx.body() == null || ctx.body().length == 0) {
            throw new BadRequestException("the request needs a JSON body such as {\"template\": \"chelsea\", "
                    + "\"top_text\": \"...\"}");
        }
        JsonNode tree = ctx.bodyJson();
        if (!(tree instanceof ObjectNode object)) {
            throw new BadRequestException("the body must be a JSON object");
        }
        return object;
    }

    /** {@code rest} is what follows {@code /images/{template}/}, still percent-encoded. */
    static ObjectNode fromReadableUrl(Context ctx, String template, String rest) {
        String[] raw = rest.split("/", -1);
        if (raw.length < 1 || raw.length > 3 || rest.isEmpty()) {
            throw new BadRequestException("an image URL is /images/{template}/{top}/{bottom}.png with 1 to 3 text "
                    + "segments, the last one ending in .png, .jpg or .gif");
        }
        String last = percentDecode(raw[raw.length - 1]);
        int dot = last.lastIndexOf('.');
        if (dot < 0) {
            throw new BadRequestException("the image URL must end in .png, .jpg or .gif");
        }
        String extension = last.substring(dot + 1);
        if (!Set.of("png", "jpg", "jpeg", "gif").contains(extension.toLowerCase(java.util.Locale.ROOT))) {
            throw new BadRequestException("the image URL must end in .png, .jpg or .gif, not ." + extension);
        }
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        ctx.queryTree().properties().forEach(e -> {
            if (!PATH_FIELDS.contains(e.getKey())) {
                tree.set(e.getKey(), e.getValue());
            }
        });
        tree.put("template", percentDecode(template)).put("format", extension);
        ArrayNode captions = tree.putArray("captions");
        for (int i = 0; i < raw.length; i++) {
            String segment = i == raw.length - 1 ? last.substring(0, dot) : percentDecode(raw[i]);
            captions.add(ReadableUrl.decode(segment));
        }
        return tree;
    }

    /** Decodes {@code %XX} escapes as UTF-8 ({@code +} stays a plus, as in a path); malformed input is a 400. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new BadRequestException("malformed percent escape in the URL path");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("the URL path is not valid UTF-8");
        }
    }
}
