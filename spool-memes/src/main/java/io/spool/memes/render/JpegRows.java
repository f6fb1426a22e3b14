package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * A baseline JPEG written with a restart marker after every row of MCUs (16 pixel rows with the writer's 4:2:0
 * sampling), kept as its headers plus one entropy-coded segment per MCU row. Each segment depends only on the
 * pixels of its own MCU row (restarts reset the DC prediction and byte-align the data), so an image that differs
 * from another in a few rows can be written by encoding just those rows and splicing them into the other's
 * segments: the result has the same bytes as encoding the whole image ({@link #replace}, {@link #bytes}).
 */
record JpegRows(byte[] head, List<byte[]> rows) {
    /** The MCU's side in pixels with the writer's default sampling (luma 2×2, chroma 1×1). */
    static final int MCU = 16;
    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    /**
     * Pixel rows [{@code from}, {@code to}) of {@code image} (opaque 3-byte RGB) at {@code quality} percent,
     * {@code from} a multiple of {@link #MCU}: through libjpeg-turbo ({@link TurboJpeg#rows}) where it loads and
     * the image is {@code TYPE_3BYTE_BGR}, else through the JDK's writer ({@link #jdk}); both give the same bytes
     * after the JFIF header. Null if the JDK's writer made something else than expected.
     */
    static JpegRows encode(BufferedImage image, int from, int to, int quality) {
        return TurboJpeg.takes(image) ? TurboJpeg.rows(image, from, to, quality) : jdk(image, from, to, quality);
    }

    /** {@link #encode} through the JDK's ImageIO writer, told to put a restart marker after every row of MCUs. */
    static JpegRows jdk(BufferedImage image, int from, int to, int quality) {
        requireRowOfMcus(from);
        to = Math.min(to, image.getHeight());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BufferedImage strip = JpegInput.of(image, from, to);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(Math.clamp(quality, 1, 100) / 100f);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(strip), param);
            IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(FORMAT);
            IIOMetadataNode markers = child(tree, "markerSequence");
            IIOMetadataNode sos = markers == null ? null : child(markers, "sos");
            if (sos == null) {
                return null;
            }
            IIOMetadataNode dri = new IIOMetadataNode("dri");
            dri.setAttribute("interval", Integer.toString((image.getWidth() + MCU - 1) / MCU));
            markers.insertBefore(dri, sos);
            metadata.setFromTree(FORMAT, tree);
            writer.write(null, new IIOImage(strip, null, metadata), param);
        } catch (IIOInvalidTreeException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: not expected
        } finally {
            writer.dispose();
        }
        // another sampling than 4:2:0 would give another number of segments, and null
        return split(bytes.toByteArray(), (to - from + MCU - 1) / MCU);
    }

    /** Fails unless pixel row {@code y} starts a row of MCUs, where a strip of rows can be encoded from. */
    static void requireRowOfMcus(int y) {
        if (y % MCU != 0) {
            throw new IllegalArgumentException("row " + y + " does not start a row of MCUs");
        }
    }

    /** {@code jpeg} cut at its start of scan and its restart markers; null unless it has {@code count} segments. */
    static JpegRows split(byte[] jpeg, int count) {
        int start = startOfScanData(jpeg);
        if (start < 0) {
            return null;
        }
        List<byte[]> rows = new ArrayList<>(count);
        int segment = start;
        for (int i = start; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                continue;
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0) {
                i++; // a stuffed 0xFF data byte
            } else if (marker >= 0xD0 && marker <= 0xD7 || marker == 0xD9) {
                rows.add(Arrays.copyOfRange(jpeg, segment, i));
                segment = i + 2;
                i++;
                if (marker == 0xD9) {
                    break;
                }
            } else {
                return null;
            }
        }
        return rows.size() == count ? new JpegRows(Arrays.copyOf(jpeg, start), rows) : null;
    }

    /**
     * {@code head}, the headers of a baseline JPEG up to its entropy-coded data, for a picture {@code height} pixels
     * high with a restart marker after every row of MCUs of a picture {@code width} wide: its frame header's
     * height set, a restart interval (DRI) put before its start of scan.
     */
    static byte[] withRestarts(byte[] head, int height, int width) {
        int interval = (width + MCU - 1) / MCU;
        byte[] dri = {(byte) 0xFF, (byte) 0xDD, 0, 4, (byte) (interval >> 8), (byte) interval};
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + dri.length);
        out.write(head, 0, 2); // SOI
        for (int p = 2; p + 4 <= head.length; ) {
            int marker = head[p + 1] & 0xFF;
            byte[] segment = Arrays.copyOfRange(head, p, p + 2 + ((head[p + 2] & 0xFF) << 8 | head[p + 3] & 0xFF));
            p += segment.length;
            if (marker == 0xC0) { // the frame: precision, then height
                segment[5] = (byte) (height >> 8);
                segment[6] = (byte) height;
            }
            if (marker == 0xDA) {
                out.writeBytes(dri);
            }
            if (marker != 0xDD) { // an interval already there gives way to this one
                out.writeBytes(segment);
            }
        }
        return out.toByteArray();
    }

    /** Where {@code jpeg}'s entropy-coded data starts (after its start-of-scan header); -1 if it has none. */
    static int startOfScanData(byte[] jpeg) {
        int p = 2; // after SOI
        while (p + 4 <= jpeg.length && (jpeg[p] & 0xFF) == 0xFF && (jpeg[p + 1] & 0xFF) != 0xDA) {
            p += 2 + ((jpeg[p + 2] & 0xFF) << 8 | jpeg[p + 3] & 0xFF);
        }
        if (p + 4 > jpeg.length || (jpeg[p] & 0xFF) != 0xFF) {
            return -1;
        }
        return p + 2 + ((jpeg[p + 2] & 0xFF) << 8 | jpeg[p + 3] & 0xFF);
    }

    /** These rows with those from MCU row {@code first} on replaced by {@code strip}'s. */
    JpegRows replace(int first, JpegRows strip) {
        List<byte[]> out = new ArrayList<>(rows);
        for (int i = 0; i < strip.rows.size(); i++) {
            out.set(first + i, strip.rows.get(i));
        }
        return new JpegRows(head, out);
    }

    /** The JPEG file: headers, the segments with restart markers RST0…RST7 in turn between them, end of image. */
    byte[] bytes() {
        int size = head.length;
        for (byte[] row : rows) {
            size += row.length + 2; // each segment is followed by a marker
        }
        byte[] out = new byte[size];
        System.arraycopy(head, 0, out, 0, head.length);
        int p = head.length;
        for (int i = 0; i < rows.size(); i++) {
            byte[] row = rows.get(i);
            System.arraycopy(row, 0, out, p, row.length);
            p += row.length;
            out[p++] = (byte) 0xFF;
            out[p++] = (byte) (i == rows.size() - 1 ? 0xD9 : 0xD0 + i % 8);
        }
        return out;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return (IIOMetadataNode) n;
            }
        }
        return null;
    }
}
