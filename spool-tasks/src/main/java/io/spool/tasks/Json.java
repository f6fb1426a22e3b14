package io.spool.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;

/**
 * JSON helpers for params, results and step values, on one shared Jackson {@link ObjectMapper} (records and
 * plain classes work out of the box; unknown properties are ignored so that producers may add fields before
 * consumers know them). Failures are {@link TaskException}s naming the type.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private Json() {}

    /** The shared mapper (do not reconfigure it once tasks run). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as UTF-8 JSON. */
    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new TaskException("cannot write a " + (value == null ? "null" : value.getClass().getName())
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads JSON bytes as a {@code type}; empty bytes read as {@code null}. */
    public static <T> T decode(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new TaskException("cannot read JSON as " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    /** Reads JSON bytes as a generic type, e.g. {@code new TypeReference<List<Order>>() {}}. */
    public static <T> T decode(byte[] json, TypeReference<T> type) {
        if (json == null || json.length == 0) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new TaskException("cannot read JSON as " + type.getType() + ": " + e.getMessage(), e);
        }
    }

    static String headersJson(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return "{}";
        }
        try {
            return MAPPER.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new TaskException("cannot write headers as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A jsonb object of headers back to strings (non-string values keep their JSON text). */
    static Map<String, String> headers(String json) {
        if (json == null || json.isEmpty() || json.equals("{}")) {
            return Map.of();
        }
        try {
            return Map.copyOf(MAPPER.readValue(json, STRING_MAP));
        } catch (IOException e) {
            throw new TaskException("task headers are not a JSON object of strings: " + json, e);
        }
    }
}
