package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.function.Consumer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
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
        requireBgr(image);
        int[] words = words(image);
        return write(image.getWidth(), image.getHeight(), quality, data -> data.put(words));
    }

    /**
     * {@code image}, a copy of {@code base} (both {@code TYPE_3BYTE_BGR}, same size) with captions painted on it,
     * as {@link #encode(BufferedImage, int)} writes it, given {@code baseWords}, {@link #words} of {@code base}:
     * Leptonica gets those in one copy and only the rows that differ from {@code base} are converted again.
     */
    static byte[] encode(BufferedImage image, BufferedImage base, int[] baseWords, int quality) {
        requireBgr(image);
        byte[] now = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] was = ((DataBufferByte) base.getRaster().getDataBuffer()).getData();
        int width = image.getWidth();
        int rowBytes = 3 * width;
        return write(width, image.getHeight(), quality, data -> {
            data.put(baseWords);
            int[] row = new int[width];
            for (int y = 0, at = 0; y < image.getHeight(); y++, at += rowBytes) {
                if (!Arrays.equals(now, at, at + rowBytes, was, at, at + rowBytes)) {
                    convert(now, at, row, 0, width);
                    data.position((long) y * width).put(row).position(0);
                }
            }
        });
    }

    private static void requireBgr(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("a TYPE_3BYTE_BGR image, not type " + image.getType());
        }
    }

    /** A 32-bit picture of Leptonica's, its every pixel set by {@code fill}, written as JPEG. */
    private static byte[] write(int width, int height, int quality, Consumer<IntPointer> fill) {
        PIX pix = leptonica.pixCreateNoInit(width, height, 32); // no zeroing: fill sets every word
        if (pix == null || pix.isNull()) {
            throw new OutOfMemoryError("Leptonica could not allocate a " + width + "x" + height + " picture");
        }
        try (PointerPointer<BytePointer> out = new PointerPointer<>(1L); SizeTPointer size = new SizeTPointer(1)) {
            fill.accept(leptonica.pixGetData(pix));
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

    /** Leptonica's 32-bit pixels of a {@code TYPE_3BYTE_BGR} image: red in the high byte, then green and blue. */
    static int[] words(BufferedImage image) {
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int[] words = new int[image.getWidth() * image.getHeight()];
        convert(bgr, 0, words, 0, words.length);
        return words;
    }

    private static void convert(byte[] bgr, int from, int[] words, int to, int count) {
        for (int i = to, j = from; i < to + count; i++, j += 3) {
            words[i] = (bgr[j + 2] & 0xFF) << 24 | (bgr[j + 1] & 0xFF) << 16 | (bgr[j] & 0xFF) << 8;
        }
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
