package io.spool.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts one textual parameter (path, query, form, header) to a Java type; a value of the wrong shape is
 * the client's fault, so it becomes a 400 that names the parameter and the expected type.
 */
final class Params {
    private Params() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T convert(String raw, Class<T> type, String what, ObjectMapper mapper) {
        if (raw == null) {
            return null;
        }
        try {
            Object v;
            if (type == String.class) {
                v = raw;
            } else if (type == Integer.class || type == int.class) {
                v = Integer.valueOf(raw.trim());
            } else if (type == Long.class || type == long.class) {
                v = Long.valueOf(raw.trim());
            } else if (type == Double.class || type == double.class) {
                v = Double.valueOf(raw.trim());
            } else if (type == Boolean.class || type == boolean.class) {
                v = parseBoolean(raw);
            } else if (type == UUID.class) {
                v = UUID.fromString(raw.trim());
            } else if (type == BigDecimal.class) {
                v = new BigDecimal(raw.trim());
            } else if (type == LocalDate.class) {
                v = LocalDate.parse(raw.trim());
            } else if (type.isEnum()) {
                v = Enum.valueOf((Class<Enum>) type, raw.trim().toUpperCase(Locale.ROOT));
            } else {
                v = mapper.convertValue(raw, type);
            }
            return (T) v;
        } catch (RuntimeException e) {
            throw HttpError.badRequest(what + " must be " + describe(type) + ", got '" + abbreviate(raw) + "'");
        }
    }

    private static Boolean parseBoolean(String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> Boolean.TRUE;
            case "false", "0", "no", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(raw);
        };
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date (yyyy-mm-dd)";
        }
        return "a " + type.getSimpleName();
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
    }
}
