package io.spool.pg.protocol;

import java.util.Map;

/**
 * Encoders for the frontend messages of protocol 3.0. Each writes one complete message (type byte, length,
 * body) to a {@link WriteBuffer}; none of them sends anything.
 */
public final class Frontend {
    public static final int PROTOCOL_3_0 = 196608;
    static final int CANCEL_REQUEST_CODE = 80877102;
    static final int SSL_REQUEST_CODE = 80877103;

    // the type bytes of the frontend messages, as the PostgreSQL documentation names them
    static final char PASSWORD_MESSAGE = 'p';   // also SASLInitialResponse and SASLResponse
    static final char QUERY = 'Q';
    static final char PARSE = 'P';
    static final char DESCRIBE = 'D';
    static final char BIND = 'B';
    static final char EXECUTE = 'E';
    static final char CLOSE = 'C';
    static final char SYNC = 'S';
    static final char FLUSH = 'H';
    static final char TERMINATE = 'X';
    static final char COPY_DATA = 'd';
    static final char COPY_DONE = 'c';
    static final char COPY_FAIL = 'f';

    private Frontend() {}

    private static int begin(WriteBuffer out, char type) {
        out.writeByte(type);
        int at = out.position();
        out.writeInt(0);
        return at;
    }

    private static void end(WriteBuffer out, int lengthAt) {
        out.putInt(lengthAt, out.position() - lengthAt);
    }

    public static void startup(WriteBuffer out, Map<String, String> parameters) {
        int at = out.position();
        out.writeInt(0).writeInt(PROTOCOL_3_0);
        parameters.forEach((k, v) -> out.writeCString(k).writeCString(v));
        out.writeByte(0);
        end(out, at);
    }

    public static void sslRequest(WriteBuffer out) {
        out.writeInt(8).writeInt(SSL_REQUEST_CODE);
    }

    public static void cancelRequest(WriteBuffer out, int processId, int secretKey) {
        out.writeInt(16).writeInt(CANCEL_REQUEST_CODE).writeInt(processId).writeInt(secretKey);
    }

    public static void password(WriteBuffer out, String password) {
        int at = begin(out, PASSWORD_MESSAGE);
        out.writeCString(password);
        end(out, at);
    }

    public static void saslInitialResponse(WriteBuffer out, String mechanism, byte[] data) {
        int at = begin(out, PASSWORD_MESSAGE);
        out.writeCString(mechanism).writeInt(data.length).writeBytes(data);
        end(out, at);
    }

    public static void saslResponse(WriteBuffer out, byte[] data) {
        int at = begin(out, PASSWORD_MESSAGE);
        out.writeBytes(data);
        end(out, at);
    }

    public static void query(WriteBuffer out, String sql) {
        int at = begin(out, QUERY);
        out.writeCString(sql);
        end(out, at);
    }

    public static void parse(WriteBuffer out, String statement, String sql, int[] parameterTypes) {
        int at = begin(out, PARSE);
        out.writeCString(statement).writeCString(sql).writeShort(parameterTypes.length);
        for (int oid : parameterTypes) {
            out.writeInt(oid);
        }
        end(out, at);
    }

    /** Describe of a statement ({@code 'S'}) or portal ({@code 'P'}). */
    public static void describe(WriteBuffer out, char kind, String name) {
        int at = begin(out, DESCRIBE);
        out.writeByte(kind).writeCString(name);
        end(out, at);
    }

    /**
     * Bind with parameter values already encoded: {@code values} writes each value and returns its format code.
     * Layout: formats are written after the values are known, so the message is assembled in two passes.
     */
    public static void bind(WriteBuffer out, String portal, String statement, Object[] params, ParameterWriter values,
                            short[] resultFormats) {
        int at = begin(out, BIND);
        out.writeCString(portal).writeCString(statement);
        int n = params.length;
        out.writeShort(n);
        int formatsAt = out.position();
        for (int i = 0; i < n; i++) {
            out.writeShort(0);
        }
        out.writeShort(n);
        int[] formats = new int[n];
        for (int i = 0; i < n; i++) {
            if (params[i] == null) {
                out.writeInt(-1);
                continue;
            }
            int lengthAt = out.position();
            out.writeInt(0);
            formats[i] = values.write(i, params[i], out);
            out.putInt(lengthAt, out.position() - lengthAt - 4);
        }
        for (int i = 0; i < n; i++) {
            if (formats[i] != 0) {
                out.putShort(formatsAt + 2 * i, formats[i]);
            }
        }
        out.writeShort(resultFormats.length);
        for (short f : resultFormats) {
            out.writeShort(f);
        }
        end(out, at);
    }

    /** Writes parameter {@code index}'s non-null value and returns its format code (0 text, 1 binary). */
    @FunctionalInterface
    public interface ParameterWriter {
        int write(int index, Object value, WriteBuffer out);
    }

    public static void execute(WriteBuffer out, String portal, int maxRows) {
        int at = begin(out, EXECUTE);
        out.writeCString(portal).writeInt(maxRows);
        end(out, at);
    }

    public static void close(WriteBuffer out, char kind, String name) {
        int at = begin(out, CLOSE);
        out.writeByte(kind).writeCString(name);
        end(out, at);
    }

    public static void sync(WriteBuffer out) {
        out.writeByte(SYNC).writeInt(4);
    }

    public static void flush(WriteBuffer out) {
        out.writeByte(FLUSH).writeInt(4);
    }

    public static void terminate(WriteBuffer out) {
        out.writeByte(TERMINATE).writeInt(4);
    }

    public static void copyData(WriteBuffer out, byte[] data, int offset, int length) {
        out.writeByte(COPY_DATA).writeInt(length + 4).writeBytes(data, offset, length);
    }

    public static void copyDone(WriteBuffer out) {
        out.writeByte(COPY_DONE).writeInt(4);
    }

    public static void copyFail(WriteBuffer out, String reason) {
        int at = begin(out, COPY_FAIL);
        out.writeCString(reason);
        end(out, at);
    }
}
