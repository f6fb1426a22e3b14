package io.spool.pg.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds backend message byte streams by hand, as a server would send them, for engine tests. */
final class Backend {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    static Backend stream() {
        return new Backend();
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    Backend message(char type, Body body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        body.write(new Writer(b));
        byte[] payload = b.toByteArray();
        bytes.write(type);
        int len = payload.length + 4;
        bytes.write(len >>> 24);
        bytes.write(len >>> 16);
        bytes.write(len >>> 8);
        bytes.write(len);
        bytes.writeBytes(payload);
        return this;
    }

    Backend raw(byte... raw) {
        bytes.writeBytes(raw);
        return this;
    }

    Backend authOk() {
        return message('R', w -> w.int32(0));
    }

    Backend parameter(String name, String value) {
        return message('S', w -> w.cstring(name).cstring(value));
    }

    Backend backendKey(int pid, int key) {
        return message('K', w -> w.int32(pid).int32(key));
    }

    Backend ready(char status) {
        return message('Z', w -> w.byte1(status));
    }

    /** A full trust startup answer. */
    Backend startupOk() {
        return authOk().parameter("server_version", "17.6").parameter("client_encoding", "UTF8")
                .backendKey(4242, 99).ready('I');
    }

    Backend parseComplete() {
        return message('1', w -> { });
    }

    Backend bindComplete() {
        return message('2', w -> { });
    }

    Backend parameterDescription(int... oids) {
        return message('t', w -> {
            w.int16(oids.length);
            for (int oid : oids) {
                w.int32(oid);
            }
        });
    }

    /** RowDescription; columns given as name, type oid pairs. */
    Backend rowDescription(int format, Object... nameAndOid) {
        return message('T', w -> {
            w.int16(nameAndOid.length / 2);
            for (int i = 0; i < nameAndOid.length; i += 2) {
                w.cstring((String) nameAndOid[i]).int32(0).int16(0).int32((Integer) nameAndOid[i + 1])
                        .int16(-1).int32(-1).int16(format);
            }
        });
    }

    Backend noData() {
        return message('n', w -> { });
    }

    /** DataRow of values given as raw bytes (null for SQL NULL). */
    Backend dataRow(byte[]... values) {
        return message('D', w -> {
            w.int16(values.length);
            for (byte[] v : values) {
                if (v == null) {
                    w.int32(-1);
                } else {
                    w.int32(v.length).bytes(v);
                }
            }
        });
    }

    Backend commandComplete(String tag) {
        return message('C', w -> w.cstring(tag));
    }

    Backend error(String sqlState, String message) {
        return message('E', w -> w.byte1('S').cstring("ERROR").byte1('V').cstring("ERROR").byte1('C').cstring(sqlState)
                .byte1('M').cstring(message).byte1(0));
    }

    Backend fatal(String sqlState, String message) {
        return message('E', w -> w.byte1('S').cstring("FATAL").byte1('V').cstring("FATAL").byte1('C').cstring(sqlState)
                .byte1('M').cstring(message).byte1(0));
    }

    Backend notification(int pid, String channel, String payload) {
        return message('A', w -> w.int32(pid).cstring(channel).cstring(payload));
    }

    static byte[] int4(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    interface Body {
        void write(Writer w);
    }

    static final class Writer {
        private final ByteArrayOutputStream out;

        Writer(ByteArrayOutputStream out) {
            this.out = out;
        }

        Writer byte1(int b) {
            out.write(b);
            return this;
        }

        Writer int16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Writer int32(int v) {
            return int16(v >>> 16).int16(v);
        }

        Writer cstring(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            out.write(0);
            return this;
        }

        Writer bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }
    }
}
