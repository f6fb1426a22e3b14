package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.leptonica.PIX;
import org.bytedeco.leptonica.global.leptonica;

/**
 * JPEG through libjpeg-turbo with its SIMD code, reached through JavaCPP's Leptonica from Maven Central (its
 * linux-x86_64 jar links libjpeg-turbo; libjpeg-turbo's own Java binding is not on Maven Central). On the bundled
 * photographs it encodes about five times faster than the JDK's writer (IJG libjpeg 6b without SIMD), with the
 * same baseline settings (4:2:0 chroma, standard Huffman tables, the same quality scaling), so the same
 * entropy-coded data; only the JFIF version in the header differs. Where the natives do not load (another
 * platform), {@link #available()} is false and the JDK's writer is used.
 */
final class TurboJpeg {
    private static final System.Logger LOG = System.getLogger("io.spool.memes.render");
    private static final boolean AVAILABLE = load();

    private TurboJpeg() {
    }

    /** Whether libjpeg-turbo loaded on this platform. */
    static boolean available() {
        return AVAILABLE;
    }

    /** {@code image} ({@code TYPE_3BYTE_BGR}) as a baseline JPEG at {@code quality} percent (1 to 100). */
    static byte[] encode(BufferedImage image, int quality) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("a TYPE_3BYTE_BGR image, not type " + image.getType());
        }
        PIX pix = leptonica.pixCreate(image.getWidth(), image.getHeight(), 32);
        if (pix == null || pix.isNull()) {
            throw new OutOfMemoryError("Leptonica could not allocate a " + image.getWidth() + "x" + image.getHeight() + " picture");
        }
        try (PointerPointer<BytePointer> out = new PointerPointer<>(1L); SizeTPointer size = new SizeTPointer(1)) {
            leptonica.pixGetData(pix).put(words(image));
            if (leptonica.pixWriteMemJpeg(out, size, pix, Math.clamp(quality, 1, 100), 0) != 0) {
                throw new IllegalStateException("libjpeg-turbo could not write a JPEG");
            }
            BytePointer data = out.get(BytePointer.class, 0).capacity(size.get());
            try {
                byte[] jpeg = new byte[(int) size.get()];
                data.get(jpeg);
                return jpeg;
            } finally {
                leptonica.lept_free(data);
            }
        } finally {
            leptonica.pixDestroy(pix);
        }
    }

    /** Leptonica's 32-bit pixels: red in the high byte, then green and blue, the low byte unused. */
    private static int[] words(BufferedImage image) {
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int[] words = new int[image.getWidth() * image.getHeight()];
        for (int i = 0, j = 0; i < words.length; i++, j += 3) {
            words[i] = (bgr[j + 2] & 0xFF) << 24 | (bgr[j + 1] & 0xFF) << 16 | (bgr[j] & 0xFF) << 8;
        }
        return words;
    }

    private static boolean load() {
        try {
            Loader.load(leptonica.class);
            return true;
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError...: no natives for this platform
            LOG.log(System.Logger.Level.INFO, "libjpeg-turbo (Leptonica) did not load (" + e
                    + "); JPEGs go through the JDK's writer");
            return false;
        }
    }
}
