package io.spool.web;

import java.io.IOException;
import java.io.InputStream;

/** An InputStream that hands out pieces as they come: its single-byte read is a bulk read of one byte. */
abstract class PieceInputStream extends InputStream {
    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
