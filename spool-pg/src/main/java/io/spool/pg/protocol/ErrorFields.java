package io.spool.pg.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of an ErrorResponse or NoticeResponse, keyed by their one-letter protocol code ({@code 'C'} the
 * SQLSTATE, {@code 'M'} the message, ...) in the order they came; codes this client does not know are kept too,
 * and the client API names those it knows. Also the rules both the engine and the client API apply to them: the
 * exception message, and whether the error ends the connection.
 */
public final class ErrorFields {
    public static final char SEVERITY = 'S';
    public static final char SEVERITY_NONLOCALIZED = 'V';
    public static final char SQLSTATE = 'C';
    public static final char MESSAGE = 'M';
    public static final char DETAIL = 'D';
    public static final char HINT = 'H';
    public static final char POSITION = 'P';

    private final Map<Character, String> byCode;

    private ErrorFields(Map<Character, String> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /** Fields given by code (a copy is kept). */
    public static ErrorFields of(Map<Character, String> byCode) {
        return new ErrorFields(new LinkedHashMap<>(byCode));
    }

    static ErrorFields parse(MessageReader m) {
        Map<Character, String> fields = new LinkedHashMap<>();
        while (true) {
            int code = m.readByte();
            if (code == 0) {
                return new ErrorFields(fields);
            }
            fields.put((char) code, m.readCString());
        }
    }

    /** A client-side error's fields: severity ERROR, its SQLSTATE and its message. */
    public static ErrorFields client(String sqlState, String message) {
        Map<Character, String> fields = new LinkedHashMap<>();
        fields.put(SEVERITY, "ERROR");
        fields.put(SQLSTATE, sqlState);
        fields.put(MESSAGE, message);
        return new ErrorFields(fields);
    }

    /** A client-side error's exception message. */
    public static String clientMessage(String sqlState, String message) {
        return message + " (SQLSTATE " + sqlState + ")";
    }

    public String get(char code) {
        return byCode.get(code);
    }

    public Map<Character, String> byCode() {
        return byCode;
    }

    public String sqlState() {
        return byCode.get(SQLSTATE);
    }

    /** A server error's exception message: severity, message and SQLSTATE, then detail, hint and position lines. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(byCode.getOrDefault(SEVERITY, "ERROR")).append(": ").append(byCode.getOrDefault(MESSAGE, "(no message)"));
        sb.append(" (SQLSTATE ").append(byCode.getOrDefault(SQLSTATE, "XX000")).append(')');
        if (byCode.containsKey(DETAIL)) {
            sb.append("\n  Detail: ").append(byCode.get(DETAIL));
        }
        if (byCode.containsKey(HINT)) {
            sb.append("\n  Hint: ").append(byCode.get(HINT));
        }
        if (byCode.containsKey(POSITION)) {
            sb.append("\n  Position: ").append(byCode.get(POSITION));
        }
        return sb.toString();
    }

    /**
     * True when the connection cannot be used after an error with these fields: a FATAL or PANIC from the
     * server, or a client-side connection-class ({@code 08}) error. A server ERROR, whatever its SQLSTATE,
     * leaves the session usable.
     */
    public boolean endsConnection(boolean clientSide) {
        if (clientSide) {
            String state = sqlState();
            return state != null && state.startsWith("08");
        }
        String severity = byCode.get(SEVERITY_NONLOCALIZED);
        if (severity == null) {
            severity = byCode.get(SEVERITY);
        }
        return "FATAL".equals(severity) || "PANIC".equals(severity);
    }
}
