package io.spool.memes.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The image formats the service reads and writes, with their media type and usual extension. The format of an
 * image is told by its first bytes ({@link #detect}), never by a file name.
 */
public enum ImageFormat {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    /** Written (still or animated, by libwebp), not read: templates stay PNG, JPEG or GIF. */
    WEBP("image/webp", "webp");

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Whether the format keeps every frame of an animated template (the others take the first). */
    public boolean animated() {
        return this == GIF || this == WEBP;
    }

    /** The format whose magic bytes start {@code data}, if any. */
    public static Optional<ImageFormat> detect(byte[] data) {
        if (startsWith(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(data, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (data.length >= 12 && startsWith(data, 'R', 'I', 'F', 'F')
                && data[8] == 'W' && data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** Parses a client's name for a format: {@code png}, {@code jpeg}/{@code jpg}, {@code gif} or {@code webp}, any case. */
    public static ImageFormat parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "png" -> PNG;
            case "jpeg", "jpg" -> JPEG;
            case "gif" -> GIF;
            case "webp" -> WEBP;
            default -> throw new BadRequestException("format must be png, jpeg, gif or webp, not \"" + name + "\"");
        };
    }

    private static boolean startsWith(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
