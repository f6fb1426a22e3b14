package io.spool.memes.assets;

import java.io.IOException;

/** Where an asset's bytes come from: a file, a classpath resource, or a generator. */
@FunctionalInterface
public interface ByteSource {
    byte[] read() throws IOException;
}
