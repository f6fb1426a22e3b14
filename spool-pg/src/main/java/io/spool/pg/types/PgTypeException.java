package io.spool.pg.types;

/**
 * A value that cannot be converted between its PostgreSQL type and the Java type asked for or given: a column
 * read as a class it does not convert to, a numeric {@code NaN} read as {@code BigDecimal}, a number out of
 * range, a parameter of a Java type the statement's parameter cannot take, or a binary value whose bytes are
 * malformed. The message names the PostgreSQL type and the Java type. It extends
 * {@link IllegalArgumentException} because the fault is in the value (or the request), not in the connection.
 */
public final class PgTypeException extends IllegalArgumentException {

    public PgTypeException(String message) {
        super(message);
    }

    public PgTypeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A column of type {@code oid} read as {@code type}, which it does not convert to. */
    static PgTypeException cannotConvert(int oid, Class<?> type) {
        return new PgTypeException("cannot convert a PostgreSQL " + PgTypes.name(oid) + " value to " + type.getName());
    }

    /** A column of type {@code oid} read as {@code type} where this particular value does not fit. */
    static PgTypeException cannotConvert(int oid, Class<?> type, Object value, String why) {
        return new PgTypeException("cannot convert PostgreSQL " + PgTypes.name(oid) + " value " + abbreviate(value)
                + " to " + type.getName() + ": " + why);
    }

    /** A parameter value that the statement's parameter of type {@code oid} cannot take. */
    static PgTypeException cannotEncode(Object value, int oid) {
        return new PgTypeException("cannot send a " + value.getClass().getName() + " as a PostgreSQL "
                + PgTypes.name(oid) + " parameter");
    }

    static PgTypeException cannotEncode(Object value, int oid, String why) {
        return new PgTypeException("cannot send " + value.getClass().getName() + " " + abbreviate(value)
                + " as a PostgreSQL " + PgTypes.name(oid) + " parameter: " + why);
    }

    /** A binary value whose bytes do not have the layout of its type. */
    static PgTypeException malformed(int oid, String why) {
        return new PgTypeException("malformed binary " + PgTypes.name(oid) + " value: " + why);
    }

    static PgTypeException badLength(int oid, int length, int expected) {
        return malformed(oid, length + " bytes where " + expected + " were expected");
    }

    /** Text of {@code value} short enough for a message (a huge string or array stays readable). */
    static String abbreviate(Object value) {
        String s;
        if (value instanceof byte[] b) {
            s = "byte[" + b.length + "]";
        } else if (value != null && value.getClass().isArray()) {
            s = value.getClass().getComponentType().getSimpleName() + "[" + java.lang.reflect.Array.getLength(value) + "]";
        } else if (value instanceof CharSequence cs) {
            s = "'" + cs + "'";
        } else {
            s = String.valueOf(value);
        }
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
