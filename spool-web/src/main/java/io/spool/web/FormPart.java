package io.spool.web;

import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One part of a {@code multipart/form-data} body ({@link Context#formParts()}): a field, or an uploaded file. A
 * part larger than the memory threshold was written to a temporary file as it arrived; that file is deleted when
 * the request ends, so keep it with {@link #moveTo}. The file name is the client's, reduced to a plain name (no
 * directories, no control characters, at most 255 bytes): never trust it as a path all the same.
 */
public final class FormPart {
    private final HttpData data;

    FormPart(HttpData data) {
        this.data = data;
    }

    public String name() {
        return data.getName();
    }

    /** The sanitised file name of an upload, or null for a plain field. */
    public String fileName() {
        return data instanceof FileUpload f ? sanitise(f.getFilename()) : null;
    }

    public boolean isFile() {
        return data instanceof FileUpload;
    }

    /** The part's Content-Type ({@code text/plain} for fields). */
    public String contentType() {
        return data instanceof FileUpload f ? f.getContentType() : "text/plain";
    }

    public long size() {
        return data.length();
    }

    /** The content as UTF-8 text. */
    public String text() throws IOException {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** The content in memory (read from its temporary file if it is on disk). */
    public byte[] bytes() throws IOException {
        return data.get();
    }

    public InputStream inputStream() throws IOException {
        return data.isInMemory() ? new ByteArrayInputStream(data.get()) : Files.newInputStream(data.getFile().toPath());
    }

    /** Whether the content is in a temporary file rather than in memory. */
    public boolean onDisk() {
        return !data.isInMemory();
    }

    /** Moves (or writes) the content to {@code target}, replacing it; the part's own copy is gone after. */
    public void moveTo(Path target) throws IOException {
        if (data.isInMemory()) {
            Files.write(target, data.get());
        } else {
            Files.move(data.getFile().toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The last segment of a client's file name, without control characters or separators, at most 255 bytes. */
    static String sanitise(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder sb = new StringBuilder();
        base.codePoints().filter(c -> c >= 0x20 && c != 0x7f && c != ':' && !Character.isISOControl(c))
                .forEach(sb::appendCodePoint);
        String clean = sb.toString().strip();
        if (clean.equals(".") || clean.equals("..")) {
            clean = "";
        }
        while (clean.getBytes(StandardCharsets.UTF_8).length > 255) {
            clean = clean.substring(0, clean.offsetByCodePoints(clean.length(), -1));
        }
        return clean;
    }
}
