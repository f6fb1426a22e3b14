package io.spool.memes.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spool.memes.model.BadRequestException;
import io.spool.memes.model.LimitExceededException;
import io.spool.memes.model.ReadableUrl;
import io.spool.web.Context;
import io.spool.web.FormPart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request that carries its own picture: a {@code multipart/form-data} body whose one file part is the image and
 * whose fields are the request's fields ({@code top_text=...}, {@code captions} repeated, {@code template} to keep
 * a template's boxes), or memegen's {@code POST /images} fields ({@code template_id}, {@code text_lines} or
 * {@code text}, {@code extension}, {@code style}, {@code background}, {@code layout}, ...) as JSON or multipart,
 * turned into the request fields {@link io.spool.memes.model.CaptionRequest#parse} reads.
 */
record BodyImage(ObjectNode tree, byte[] image) {
    static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The fields and the file of a multipart body; fields together may not pass {@code maxFieldBytes}. */
    static BodyImage multipart(Context ctx, int maxFieldBytes) throws IOException {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        byte[] image = null;
        long fieldBytes = 0;
        for (FormPart part : ctx.formParts()) {
            if (part.isFile()) {
                if (image != null) {
                    throw new BadRequestException("send one image file per request, not several");
                }
                image = part.bytes();
                continue;
            }
            fieldBytes += part.size();
            if (fieldBytes > maxFieldBytes) {
                throw new LimitExceededException("the form's fields are over " + maxFieldBytes + " bytes");
            }
            String name = part.name().trim().toLowerCase(Locale.ROOT);
            JsonNode old = tree.get(name);
            if (old == null) {
                tree.put(name, part.text());
            } else {
                ArrayNode list = old.isArray() ? (ArrayNode) old : JsonNodeFactory.instance.arrayNode().add(old);
                list.add(part.text());
                tree.set(name, list);
            }
        }
        JsonNode captions = tree.get("captions");
        if (captions != null && captions.isValueNode()) {
            tree.putArray("captions").add(captions);
        }
        return new BodyImage(tree, image);
    }

    /** memegen's {@code POST /images} fields as request fields; unknown ones pass through to be refused by name. */
    static ObjectNode memegen(ObjectNode fields) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        boolean top = false;
        List<String> lines = null;
        for (Map.Entry<String, JsonNode> e : fields.properties()) {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "template_id" -> tree.set("template", v);
                case "extension" -> tree.set("format", v);
                case "text_lines", "text" -> {
                    if (lines != null) {
                        throw new BadRequestException("give text_lines or text, not both");
                    }
                    lines = new ArrayList<>();
                    for (JsonNode line : v.isArray() ? v : JsonNodeFactory.instance.arrayNode().add(v)) {
                        lines.add(line.asText());
                    }
                }
                case "layout" -> top = v.asText().trim().equalsIgnoreCase("top");
                case "redirect" -> throw new BadRequestException("redirect: this server answers POST /images with the "
                        + "image itself, not a redirect or a URL");
                default -> tree.set(e.getKey(), v);
            }
        }
        if (lines != null && lines.size() > ReadableUrl.MAX_LINES) {
            throw new BadRequestException("text_lines holds at most " + ReadableUrl.MAX_LINES + " lines");
        }
        if (lines != null) {
            tree.set("captions", ReadableUrl.captions(lines, top));
        }
        return tree;
    }
}
