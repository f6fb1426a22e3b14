package io.spool.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads bracketed keys the way Rust's serde_qs does: {@code a[0][b]=1&a[1][b]=2&x[y]=3} becomes
 * {@code {"a":[{"b":"1"},{"b":"2"}],"x":{"y":"3"}}}. An object whose keys are all indices becomes an array
 * (sorted by index, gaps closed); {@code a[]=} appends; a plain key repeated becomes an array of its values.
 * Values stay strings: Jackson converts them to numbers when a typed target asks for one.
 */
final class NestedQuery {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private NestedQuery() {}

    static ObjectNode parse(Map<String, List<String>> flat) {
        Map<String, Object> root = new LinkedHashMap<>();
        flat.forEach((key, values) -> {
            List<String> path = keyPath(key);
            for (String v : values) {
                insert(root, path, v);
            }
        });
        return (ObjectNode) toNode(root);
    }

    /** {@code a[0][b]} → [a, 0, b]; a key that is not well bracketed is one plain name. */
    static List<String> keyPath(String key) {
        int open = key.indexOf('[');
        if (open <= 0 || !key.endsWith("]")) {
            return List.of(key);
        }
        List<String> parts = new ArrayList<>();
        parts.add(key.substring(0, open));
        int i = open;
        while (i < key.length()) {
            int close = key.indexOf(']', i);
            if (key.charAt(i) != '[' || close < 0) {
                return List.of(key);
            }
            parts.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> node, List<String> path, String value) {
        for (int i = 0; i < path.size() - 1; i++) {
            String part = slot(node, path.get(i));
            Object child = node.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map)) {
                throw conflict(path);
            }
            node = (Map<String, Object>) child;
        }
        String leaf = slot(node, path.getLast());
        Object old = node.get(leaf);
        switch (old) {
            case null -> node.put(leaf, value);
            case String s -> node.put(leaf, new ArrayList<>(List.of(s, value)));
            case List<?> list -> ((List<String>) list).add(value);
            default -> throw conflict(path);
        }
    }

    private static String slot(Map<String, Object> node, String part) {
        return part.isEmpty() ? String.valueOf(node.size()) : part;
    }

    private static HttpError conflict(List<String> path) {
        return HttpError.badRequest("conflicting values for parameter '" + String.join(".", path) + "'");
    }

    @SuppressWarnings("unchecked")
    private static JsonNode toNode(Object value) {
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add((String) v));
            return array;
        }
        Map<String, Object> map = (Map<String, Object>) value;
        if (!map.isEmpty() && map.keySet().stream().allMatch(NestedQuery::isIndex)) {
            TreeMap<Integer, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(Integer.parseInt(k), v));
            ArrayNode array = NODES.arrayNode();
            sorted.values().forEach(v -> array.add(toNode(v)));
            return array;
        }
        ObjectNode object = NODES.objectNode();
        map.forEach((k, v) -> object.set(k, toNode(v)));
        return object;
    }

    private static boolean isIndex(String key) {
        return !key.isEmpty() && key.length() <= 6 && key.chars().allMatch(Character::isDigit);
    }
}
