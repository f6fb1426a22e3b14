package io.spool.memes.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * rofld's field-name rules: names are trimmed and lower-cased ({@code " TEMPLATE"} is {@code template}), two that
 * become the same name are a duplicate, and a name the request does not know is refused rather than ignored, so a
 * typo is the client's error and not a silently plain image.
 */
final class FieldNames {
    private FieldNames() {
    }

    /** A copy of {@code node} with every object's names trimmed and lower-cased, at any depth. */
    static JsonNode normalized(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String name = e.getKey().trim().toLowerCase(Locale.ROOT);
                if (out.has(name)) {
                    throw new BadRequestException("duplicate field `" + name + "`");
                }
                out.set(name, normalized(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(normalized(item)));
            return out;
        }
        return node;
    }

    /** Refuses the first name of {@code object} that is not in {@code known}. */
    static void requireKnown(JsonNode object, Set<String> known, String where) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new BadRequestException("unknown field `" + name + "` in " + where + "; expected one of "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }
}
