package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    private static final VarHandle LITTLE_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private TurboJpeg() {
    }

    /** Whether libjpeg-turbo loaded on this platform. */
    static boolean available() {
        return AVAILABLE;
    }

    /** Whether {@code image} goes through libjpeg-turbo: it loaded, and the image is {@code TYPE_3BYTE_BGR}. */
    static boolean takes(BufferedImage image) {
        return AVAILABLE && image.getType() == BufferedImage.TYPE_3BYTE_BGR;
    }

    /** {@code image} ({@code TYPE_3BYTE_BGR}) as a baseline JPEG at {@code quality} percent (1 to 100). */
    static byte[] encode(BufferedImage image, int quality) {
        requireBgr(image);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        try (Writer writer = new Writer(image.getWidth())) {
            return writer.write(bgr, 0, image.getHeight(), quality);
        }
    }

    /**
     * Pixel rows [{@code from}, {@code to}) of {@code image} ({@code TYPE_3BYTE_BGR}) at {@code quality} percent,
     * {@code from} a multiple of {@link JpegRows#MCU}, cut as {@link JpegRows} cuts the JDK writer's output: each row
     * of MCUs is encoded on its own, which gives the entropy-coded segment that row has in a JPEG with a restart
     * marker after every row (the data of one scan ends byte-aligned, and each scan starts its DC prediction anew,
     * as a restart does). The header is the first row's, with the strip's height and the restart interval.
     */
    static JpegRows rows(BufferedImage image, int from, int to, int quality) {
        requireBgr(image);
        JpegRows.requireRowOfMcus(from);
        to = Math.min(to, image.getHeight());
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        List<byte[]> segments = new ArrayList<>((to - from + JpegRows.MCU - 1) / JpegRows.MCU);
        byte[] head = null;
        try (Writer writer = new Writer(image.getWidth())) {
            for (int y = from; y < to; y += JpegRows.MCU) {
                byte[] jpeg = writer.write(bgr, y, Math.min(JpegRows.MCU, to - y), quality);
                int scan = JpegRows.startOfScanData(jpeg);
                if (scan < 0 || (jpeg[jpeg.length - 2] & 0xFF) != 0xFF || (jpeg[jpeg.length - 1] & 0xFF) != 0xD9) {
                    throw new IllegalStateException("libjpeg-turbo wrote a JPEG of another layout than expected");
                }
                head = head == null ? Arrays.copyOf(jpeg, scan) : head;
                segments.add(Arrays.copyOfRange(jpeg, scan, jpeg.length - 2)); // one scan, no restart: one segment
            }
        }
        return new JpegRows(JpegRows.withRestarts(head, to - from, image.getWidth()), segments);
    }

    private static void requireBgr(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("a TYPE_3BYTE_BGR image, not type " + image.getType());
        }
    }

    /**
     * Writes strips of one width through Leptonica, keeping its native scratch (a picture of the last strip height,
     * the output pointer and size) from one strip to the next.
     */
    private static final class Writer implements AutoCloseable {
        private final int width;
        private final PointerPointer<BytePointer> out = new PointerPointer<>(1L);
        private final SizeTPointer size = new SizeTPointer(1);
        private PIX pix;
        private IntBuffer words; // the picture's pixels in native memory

        Writer(int width) {
            this.width = width;
        }

        /** Rows [{@code y}, {@code y + rows}) of {@code bgr} ({@code width} pixels a row) as a JPEG. */
        byte[] write(byte[] bgr, int y, int rows, int quality) {
            if (pix == null || leptonica.pixGetHeight(pix) != rows) {
                destroyPicture();
                pix = leptonica.pixCreateNoInit(width, rows, 32); // no zeroing: every word is set below
                if (pix == null || pix.isNull()) {
                    throw new OutOfMemoryError("Leptonica could not allocate a " + width + "x" + rows + " picture");
                }
                words = leptonica.pixGetData(pix).capacity((long) width * rows).asBuffer();
            }
            convert(bgr, 3 * width * y, words, width * rows);
            if (leptonica.pixWriteMemJpeg(out, size, pix, Math.clamp(quality, 1, 100), 0) != 0) {
                throw new IllegalStateException("libjpeg-turbo could not write a JPEG");
            }
            BytePointer written = out.get(BytePointer.class, 0).capacity(size.get());
            try {
                byte[] jpeg = new byte[(int) size.get()];
                written.get(jpeg);
                return jpeg;
            } finally {
                leptonica.lept_free(written);
            }
        }

        private void destroyPicture() {
            if (pix != null) {
                leptonica.pixDestroy(pix);
                pix = null;
            }
        }

        @Override
        public void close() {
            destroyPicture();
            out.close();
            size.close();
        }
    }

    /**
     * Leptonica's 32-bit pixels from {@code TYPE_3BYTE_BGR} bytes: red in the high byte, then green and blue. Four
     * bytes read little-endian from a pixel's first are B | G·2⁸ | R·2¹⁶ | (the next pixel's B)·2²⁴, so the word
     * is that shifted left by one byte: one load a pixel instead of three.
     */
    private static void convert(byte[] bgr, int from, IntBuffer words, int count) {
        int last = count > 0 && from + 3 * count + 1 > bgr.length ? count - 1 : count; // no fourth byte to read
        for (int i = 0, j = from; i < last; i++, j += 3) {
            words.put(i, (int) LITTLE_ENDIAN_INT.get(bgr, j) << 8);
        }
        for (int i = last, j = from + 3 * last; i < count; i++, j += 3) {
            words.put(i, (bgr[j + 2] & 0xFF) << 24 | (bgr[j + 1] & 0xFF) << 16 | (bgr[j] & 0xFF) << 8);
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
