package io.spool.memes.assets;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One named template or font: its name (lower case, as requests spell it), a version that changes whenever its
 * bytes do (a content hash for bundled assets, size and modification time for files, so listing stays cheap), and
 * where its bytes are read from.
 */
public record Asset(String name, String version, ByteSource source) {
    /** The asset's bytes, read now. */
    public byte[] bytes() {
        try {
            return source.read();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
