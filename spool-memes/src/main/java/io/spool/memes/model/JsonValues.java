package io.spool.memes.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Lenient readers for request fields. Query strings make every value a string, so a number may arrive as
 * {@code 40} or {@code "40"}; both are accepted. Anything else of the wrong shape is a {@link BadRequestException}
 * naming the field, never a ClassCastException or a NullPointerException.
 */
final class JsonValues {
    private JsonValues() {
    }

    /** True when the field is absent or JSON null. */
    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** A scalar as text: strings as they are, numbers and booleans spelled out; null when absent. */
    static String text(JsonNode node, String field) {
        if (absent(node)) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        throw new BadRequestException(field + " must be a string");
    }

    /** A whole number in {@code [min, max]}, from a JSON number or a numeric string. */
    static int intValue(JsonNode node, String field, int min, int max) {
        BigDecimal value = number(node, field);
        try {
            int n = value.intValueExact();
            if (n >= min && n <= max) {
                return n;
            }
        } catch (ArithmeticException e) {
            // not whole or too large: reported below
        }
        throw new BadRequestException(field + " must be a whole number from " + min + " to " + max + ", not " + value);
    }

    /** A number from a JSON number or a numeric string. */
    static BigDecimal number(JsonNode node, String field) {
        if (node != null && node.isNumber()) {
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                throw new BadRequestException(field + " must be a finite number");
            }
            return node.decimalValue();
        }
        if (node != null && node.isTextual()) {
            String s = node.asText().trim();
            if (s.length() <= 32) {
                try {
                    return new BigDecimal(s);
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw new BadRequestException(field + " must be a number");
    }

    /** An enum constant by its name in any case, e.g. {@code "top"} for {@code TOP}. */
    static <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type) {
        String s = text(node, field);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new BadRequestException(field + " must be one of " + names + ", not \"" + s + "\"");
    }
}
