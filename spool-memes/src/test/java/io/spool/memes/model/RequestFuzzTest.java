package io.spool.memes.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random JSON trees, biased toward real field names and near-valid values: parsing succeeds or says 400. */
class RequestFuzzTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> KEYS = List.of("template", "captions", "text", "valign", "halign", "align",
            "font", "color", "outline", "size", "width", "height", "format", "top_text", "middle_text", "bottom_text",
            "top_align", "bottom_color", "middle_size", "top_outline", "r", "g", "b", "0", "1", "x");
    private static final List<String> STRINGS = List.of("", "t", "chelsea", "top", "middle", "LEFT", "center",
            "red", "#fff", "#12345", "shrink", "fit", "40", "-3", "1e400", "NaN", "png", "jpg", "none", "\u0000",
            "\uD800", "e\u0301", "9999999999999999999999", "0.5");

    @Test
    void randomTreesNeverEscapeAsUncheckedSurprises() {
        Random random = new Random(7);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            ObjectNode root = F.objectNode();
            if (random.nextInt(4) > 0) {
                root.put("template", "chelsea");
            }
            int fields = random.nextInt(6);
            for (int k = 0; k < fields; k++) {
                root.set(pick(random, KEYS), value(random, 3));
            }
            try {
                CaptionRequest request = CaptionRequest.parse(root);
                assertThat(request.normalized()).isNotEmpty();
                parsed++;
            } catch (MemeException e) {
                assertThat(e.status()).isIn(400, 404);   // 404: a template name no template can have
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThat(parsed).as("some random trees are valid requests").isGreaterThan(100);
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        return switch (kind) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(random.nextBoolean());
            case 2 -> F.numberNode(random.nextInt(2000) - 500);
            case 3 -> F.numberNode(random.nextDouble() * 600);
            case 4, 5 -> F.textNode(pick(random, STRINGS));
            case 6, 7 -> {
                ArrayNode array = F.arrayNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(value(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = F.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(pick(random, KEYS), value(random, depth - 1));
                }
                yield object;
            }
        };
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
