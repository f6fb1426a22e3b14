package io.spool.pg.types;

import io.spool.pg.protocol.WriteBuffer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

/**
 * The binary form of arrays ({@code array_send}/{@code array_recv}): int32 dimension count, int32 has-nulls
 * flag, int32 element type OID, then a (size, lower bound) int32 pair per dimension, then each element as an
 * int32 length ({@code -1} for NULL) and that many bytes in the element type's binary form. An empty array has
 * zero dimensions. One-dimensional arrays map to Java arrays of the element's boxed type (lower bounds are
 * dropped, Java arrays start at 0); more dimensions are refused rather than guessed at, except when rendering
 * the array as text.
 */
final class ArrayCodec {
    private ArrayCodec() {}

    /** PostgreSQL's MAXDIM. */
    private static final int MAX_DIMENSIONS = 6;

    /** The parsed header: element type, dimension sizes, and where the elements start. */
    private record Header(int elementOid, int[] dims, int[] lowerBounds, int count, int dataStart) {}

    private static Header header(int oid, byte[] b, int off, int len) {
        if (len < 12) {
            throw PgTypeException.malformed(oid, len + " bytes, shorter than the 12-byte array header");
        }
        int ndim = Wire.int4(b, off);
        int flags = Wire.int4(b, off + 4);
        int elementOid = Wire.int4(b, off + 8);
        if (ndim < 0 || ndim > MAX_DIMENSIONS) {
            throw PgTypeException.malformed(oid, ndim + " dimensions");
        }
        if (flags != 0 && flags != 1) {
            throw PgTypeException.malformed(oid, "flags " + flags);
        }
        int expected = PgTypes.elementOf(oid);
        if (elementOid != expected && !Codecs.hasBinaryScalar(elementOid)) {
            throw PgTypeException.malformed(oid, "elements of type " + PgTypes.name(elementOid));
        }
        if (len < 12 + 8 * ndim) {
            throw PgTypeException.malformed(oid, "truncated in its dimensions");
        }
        int[] dims = new int[ndim];
        int[] lowerBounds = new int[ndim];
        long count = ndim == 0 ? 0 : 1;
        for (int d = 0; d < ndim; d++) {
            dims[d] = Wire.int4(b, off + 12 + 8 * d);
            lowerBounds[d] = Wire.int4(b, off + 16 + 8 * d);
            count *= dims[d];
            // every element takes at least its 4-byte length, which bounds the count by the bytes present
            if (dims[d] < 0 || count > (len - 12 - 8 * ndim) / 4) {
                throw PgTypeException.malformed(oid, "dimension of " + dims[d] + " elements in " + len + " bytes");
            }
        }
        return new Header(elementOid, dims, lowerBounds, (int) count, off + 12 + 8 * ndim);
    }

    /**
     * Decodes an array: one dimension to a Java array of the element type, more to nested Java arrays
     * ({@code Integer[][]} for a 2-D int4[]); numeric NaN/Infinity elements make the leaves {@code Number}.
     */
    static Object[] decode(int oid, byte[] b, int off, int len) {
        Header h = header(oid, b, off, len);
        Object[] flat = elements(oid, h, b, off + len, newArray(h.elementOid, h.count));
        return h.dims.length > 1 ? nest(flat, h.dims) : flat;
    }

    /** The flat elements (row-major, as PostgreSQL stores them) as nested arrays of the given dimensions. */
    static Object[] nest(Object[] flat, int[] dims) {
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(flat.getClass().getComponentType(), dims);
        fill(out, flat, dims, 0, new int[1]);
        return out;
    }

    private static void fill(Object[] level, Object[] flat, int[] dims, int d, int[] next) {
        for (int i = 0; i < dims[d]; i++) {
            if (d + 1 < dims.length) {
                fill((Object[]) level[i], flat, dims, d + 1, next);
            } else {
                level[i] = flat[next[0]++];
            }
        }
    }

    /** Whether {@code v} is an array or collection of values, as opposed to a value ({@code byte[]} is bytea). */
    static boolean isNested(Object v) {
        return v instanceof Collection<?> || (v != null && v.getClass().isArray() && !(v instanceof byte[]));
    }

    /**
     * The dimensions of a (possibly nested) array parameter, which must be rectangular as PostgreSQL arrays are;
     * at most six, PostgreSQL's limit.
     */
    static int[] dimensions(Object value, int oid) {
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        Object level = value;
        while (isNested(level)) {
            Object[] items = items(level, oid);
            dims.add(items.length);
            level = items.length > 0 ? items[0] : null;
        }
        if (dims.size() > MAX_DIMENSIONS) {
            throw PgTypeException.cannotEncode(value, oid, dims.size() + " dimensions, more than PostgreSQL's " + MAX_DIMENSIONS);
        }
        int[] out = dims.stream().mapToInt(Integer::intValue).toArray();
        checkRectangular(value, out, 0, oid);
        return out;
    }

    private static void checkRectangular(Object level, int[] dims, int d, int oid) {
        Object[] items = items(level, oid);
        if (items.length != dims[d]) {
            throw PgTypeException.cannotEncode(level, oid, "a multi-dimensional array must be rectangular: a "
                    + "sub-array at depth " + d + " has " + items.length + " elements, the first has " + dims[d]);
        }
        for (Object item : items) {
            boolean nested = isNested(item);
            if (nested != (d + 1 < dims.length) || (item == null && d + 1 < dims.length)) {
                throw PgTypeException.cannotEncode(level, oid, "a multi-dimensional array must be rectangular: "
                        + "values and sub-arrays are mixed at depth " + d);
            }
            if (nested) {
                checkRectangular(item, dims, d + 1, oid);
            }
        }
    }

    /** The leaves of a rectangular nested array, row-major. */
    static Object[] flatten(Object value, int[] dims, int oid) {
        int count = 1;
        for (int n : dims) {
            count *= n;
        }
        Object[] flat = new Object[count];
        flattenInto(value, dims.length, oid, flat, new int[1]);
        return flat;
    }

    private static void flattenInto(Object level, int depth, int oid, Object[] flat, int[] next) {
        for (Object item : items(level, oid)) {
            if (depth > 1) {
                flattenInto(item, depth - 1, oid, flat, next);
            } else {
                flat[next[0]++] = item;
            }
        }
    }

    /** Reads the elements into {@code out} (which may be replaced by a wider array) and checks the value ends. */
    private static Object[] elements(int oid, Header h, byte[] b, int end, Object[] out) {
        int p = h.dataStart;
        for (int i = 0; i < h.count; i++) {
            if (end - p < 4) {
                throw PgTypeException.malformed(oid, "truncated at element " + i);
            }
            int n = Wire.int4(b, p);
            p += 4;
            if (n == -1) {
                continue;
            }
            if (n < 0 || n > end - p) {
                throw PgTypeException.malformed(oid, "element " + i + " has length " + n + " with " + (end - p) + " bytes left");
            }
            Object v;
            try {
                v = Codecs.binaryValue(h.elementOid, b, p, n);
            } catch (PgTypeException e) {
                throw new PgTypeException("element " + i + " of a " + PgTypes.name(oid) + " value: " + e.getMessage(), e);
            }
            if (!out.getClass().getComponentType().isInstance(v)) {
                out = Arrays.copyOf(out, out.length, v instanceof Number ? Number[].class : Object[].class);
            }
            out[i] = v;
            p += n;
        }
        if (p != end) {
            throw PgTypeException.malformed(oid, (end - p) + " bytes after the last element");
        }
        return out;
    }

    /** The server's text output of the array, with any number of dimensions. */
    static String toText(int oid, byte[] b, int off, int len, SessionFormat session) {
        Header h = header(oid, b, off, len);
        Object[] flat = elements(oid, h, b, off + len, new Object[h.count]);
        // like array_out: bounds other than the default 1 are part of the value and are printed first
        StringBuilder sb = new StringBuilder();
        boolean defaultBounds = true;
        for (int lb : h.lowerBounds) {
            defaultBounds &= lb == 1;
        }
        if (!defaultBounds) {
            for (int d = 0; d < h.dims.length; d++) {
                long lower = h.lowerBounds[d];
                sb.append('[').append(lower).append(':').append(lower + h.dims[d] - 1).append(']');
            }
            sb.append('=');
        }
        if (h.dims.length == 0) {
            return sb.append("{}").toString();
        }
        level(sb, h.dims, 0, flat, new int[1], session);
        return sb.toString();
    }

    private static void level(StringBuilder sb, int[] dims, int d, Object[] flat, int[] next, SessionFormat session) {
        sb.append('{');
        for (int i = 0; i < dims[d]; i++) {
            if (i > 0) {
                sb.append(',');
            }
            if (d + 1 < dims.length) {
                level(sb, dims, d + 1, flat, next, session);
            } else {
                Object v = flat[next[0]++];
                if (v == null) {
                    sb.append("NULL");
                } else {
                    TextFormat.appendElement(sb, session.output(v));
                }
            }
        }
        sb.append('}');
    }

    /** A new array of the Java type elements of {@code elementOid} decode to. */
    static Object[] newArray(int elementOid, int n) {
        return switch (elementOid) {
            case PgTypes.BOOL -> new Boolean[n];
            case PgTypes.INT2 -> new Short[n];
            case PgTypes.INT4 -> new Integer[n];
            case PgTypes.INT8, PgTypes.OID -> new Long[n];
            case PgTypes.FLOAT4 -> new Float[n];
            case PgTypes.FLOAT8 -> new Double[n];
            case PgTypes.NUMERIC -> new BigDecimal[n];
            case PgTypes.BYTEA -> new byte[n][];
            case PgTypes.UUID -> new UUID[n];
            case PgTypes.DATE -> new LocalDate[n];
            case PgTypes.TIME -> new LocalTime[n];
            case PgTypes.TIMETZ -> new OffsetTime[n];
            case PgTypes.TIMESTAMP -> new LocalDateTime[n];
            case PgTypes.TIMESTAMPTZ -> new OffsetDateTime[n];
            case PgTypes.INTERVAL -> new PgInterval[n];
            default -> new String[n];
        };
    }

    /** The elements of an array parameter: an {@code Object[]}, a primitive array, or a {@code Collection}. */
    static Object[] items(Object value, int oid) {
        if (value instanceof Object[] a) {
            return a;
        }
        if (value instanceof Collection<?> c) {
            return c.toArray();
        }
        if (value instanceof byte[] || !value.getClass().isArray()) {
            throw PgTypeException.cannotEncode(value, oid);
        }
        int n = java.lang.reflect.Array.getLength(value);
        Object[] boxed = new Object[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = java.lang.reflect.Array.get(value, i);
        }
        return boxed;
    }

    /** Writes an array parameter: binary when every element has a binary form, else an array literal as text. */
    static int encode(Object value, int oid, WriteBuffer out) {
        int elementOid = PgTypes.elementOf(oid);
        // unboxed fast paths for the common primitive arrays
        if (value instanceof int[] a && elementOid == PgTypes.INT4) {
            header(out, elementOid, a.length, false);
            for (int v : a) {
                out.writeInt(4).writeInt(v);
            }
            return 1;
        }
        if (value instanceof long[] a && elementOid == PgTypes.INT8) {
            header(out, elementOid, a.length, false);
            for (long v : a) {
                out.writeInt(8).writeLong(v);
            }
            return 1;
        }
        if (value instanceof double[] a && elementOid == PgTypes.FLOAT8) {
            header(out, elementOid, a.length, false);
            for (double v : a) {
                out.writeInt(8).writeDouble(v);
            }
            return 1;
        }
        int[] dims = dimensions(value, oid);
        Object[] items = dims.length > 1 ? flatten(value, dims, oid) : items(value, oid);
        boolean hasNull = false;
        for (Object item : items) {
            hasNull |= item == null;
        }
        if (elementOid == 0) {
            return TextFormat.writeInput(value, oid, out);  // an array type we have no element codec for
        }
        int mark = out.position();
        header(out, elementOid, dims, hasNull);
        for (int i = 0; i < items.length; i++) {
            Object item = items[i];
            if (item == null) {
                out.writeInt(-1);
                continue;
            }
            int lengthAt = out.position();
            out.writeInt(0);
            int format;
            try {
                format = Codecs.encodeValue(item, elementOid, out);
            } catch (PgTypeException e) {
                throw new PgTypeException("element " + i + " of a " + PgTypes.name(oid) + " parameter: " + e.getMessage(), e);
            }
            if (format == 0) {
                // this element only has a text form (a String for an int4[], say): send the whole array as text
                out.truncate(mark);
                out.writeUtf8(TextFormat.arrayLiteral(items(value, oid), true));
                return 0;
            }
            out.putInt(lengthAt, out.position() - lengthAt - 4);
        }
        return 1;
    }

    private static void header(WriteBuffer out, int elementOid, int n, boolean hasNull) {
        header(out, elementOid, new int[] {n}, hasNull);
    }

    /** Dimensions with lower bound 1; any zero-length dimension makes the empty array, as array_in does. */
    private static void header(WriteBuffer out, int elementOid, int[] dims, boolean hasNull) {
        boolean empty = dims.length == 0;
        for (int n : dims) {
            empty |= n == 0;
        }
        if (empty) {
            out.writeInt(0).writeInt(0).writeInt(elementOid);
            return;
        }
        out.writeInt(dims.length).writeInt(hasNull ? 1 : 0).writeInt(elementOid);
        for (int n : dims) {
            out.writeInt(n).writeInt(1);
        }
    }

    /** The array type a Java array's component type maps to, or 0. */
    static int hint(Class<?> component) {
        while (component.isArray() && component != byte[].class) {
            component = component.getComponentType();  // an Integer[][] is an int4[] too
        }
        if (component == String.class) {
            return PgTypes.TEXT_ARRAY;
        }
        return PgTypes.arrayOf(Codecs.hintForClass(component));
    }
}
