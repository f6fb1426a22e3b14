package io.spool.bench.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Jackson databind writing the JSON answers of the contenders that have no JSON mapper of their own. */
final class StackJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StackJson() {}

    /** {@code value} (a {@link World} or an array of them) as UTF-8 JSON. */
    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }
}
