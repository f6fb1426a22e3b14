package io.spool.bench.encode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.bytedeco.leptonica.PIX;
import org.bytedeco.leptonica.global.leptonica;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * JPEG through libjpeg-turbo with its SIMD code, reached from Java by JavaCPP's Leptonica on Maven Central (its
 * linux-x86_64 jar carries Leptonica linked with libjpeg-turbo): {@code pixWriteMemJpeg} at a quality, baseline,
 * with libjpeg's defaults otherwise, which are the JDK writer's too (4:2:0 chroma, standard Huffman tables).
 * libjpeg-turbo's own Java binding (TurboJPEG) is not published on Maven Central, and JavaCPP's OpenCV builds its
 * libjpeg-turbo without SIMD. The picture is copied into Leptonica's pixels once ({@link #of}); {@link #encode}
 * is the encoder alone.
 */
final class TurboJpeg implements AutoCloseable {
    private final PIX pix;
    private final int quality;

    private TurboJpeg(PIX pix, int quality) {
        this.pix = pix;
        this.quality = quality;
    }

    /** An encoder of {@code image} ({@code TYPE_3BYTE_BGR}) at {@code quality} percent. */
    static TurboJpeg of(BufferedImage image, int quality) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalArgumentException("a TYPE_3BYTE_BGR image, not type " + image.getType());
        }
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int[] words = new int[image.getWidth() * image.getHeight()];
        for (int i = 0, j = 0; i < words.length; i++, j += 3) {   // Leptonica's 32-bit pixel: R, G, B, unused
            words[i] = (bgr[j + 2] & 0xFF) << 24 | (bgr[j + 1] & 0xFF) << 16 | (bgr[j] & 0xFF) << 8;
        }
        PIX pix = leptonica.pixCreate(image.getWidth(), image.getHeight(), 32);
        leptonica.pixGetData(pix).put(words);
        return new TurboJpeg(pix, quality);
    }

    byte[] encode() {
        try (PointerPointer<BytePointer> out = new PointerPointer<>(1L); SizeTPointer size = new SizeTPointer(1)) {
            if (leptonica.pixWriteMemJpeg(out, size, pix, quality, 0) != 0) {
                throw new IllegalStateException("Leptonica could not encode a JPEG");
            }
            BytePointer data = out.get(BytePointer.class, 0).capacity(size.get());
            byte[] jpeg = new byte[(int) size.get()];
            data.get(jpeg);
            leptonica.lept_free(data);
            return jpeg;
        }
    }

    @Override
    public void close() {
        leptonica.pixDestroy(pix);
    }
}
