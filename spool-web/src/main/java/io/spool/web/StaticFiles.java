package io.spool.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;

/**
 * Serves files from a directory or from the class path under a wildcard route. The requested path arrives
 * decoded and without dot segments ({@link RequestTarget} refuses {@code %2e%2e} and encoded slashes), and is
 * checked again segment by segment, so empty segments (an absolute path), backslashes, colons and NULs never
 * leave the root; what fails the check is a plain 404. Responses
 * carry Content-Type, a weak ETag and Last-Modified, and a conditional request that matches gets a 304.
 */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"), Map.entry("wasm", "application/wasm"),
            Map.entry("pdf", "application/pdf"), Map.entry("xml", "application/xml"));

    /** What a file source knows about one file; {@code open} is called only when a body is sent. */
    private interface Found {
        long size();

        long modifiedMillis();

        InputStream open() throws IOException;
    }

    private StaticFiles() {}

    static Handler directory(Path dir) {
        Path root;
        try {
            root = dir.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("no such directory: " + dir, e);
        }
        return ctx -> {
            Path file = root.resolve(relative(ctx)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(root)) {
                throw notFound();
            }
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            Path f = file;
            return serve(ctx, f.getFileName().toString(), new Found() {
                public long size() {
                    return attrs.size();
                }

                public long modifiedMillis() {
                    return attrs.lastModifiedTime().toMillis();
                }

                public InputStream open() throws IOException {
                    return Files.newInputStream(f);
                }
            });
        };
    }

    static Handler classpath(String root, ClassLoader loader) {
        String base = root.replaceAll("^/+|/+$", "");
        return ctx -> {
            String rel = relative(ctx);
            URL url = rel.isEmpty() ? null : loader.getResource(base.isEmpty() ? rel : base + "/" + rel);
            if (url == null || (url.getProtocol().equals("file") && Files.isDirectory(Path.of(url.toURI())))) {
                throw notFound();
            }
            URLConnection conn = url.openConnection();
            return serve(ctx, rel, new Found() {
                public long size() {
                    return conn.getContentLengthLong();
                }

                public long modifiedMillis() {
                    return conn.getLastModified();
                }

                public InputStream open() throws IOException {
                    return conn.getInputStream();
                }
            });
        };
    }

    /** The wildcard part as a safe relative path ("a/b.css"), or a 404. */
    static String relative(Context ctx) {
        String rest = ctx.pathParam("*");   // decoded, dot segments resolved, no encoded slash (RequestTarget)
        if (rest.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        String[] segments = rest.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty() && i == segments.length - 1) {
                break;   // a trailing slash: the directory's index
            }
            if (s.isEmpty() || s.equals(".") || s.equals("..") || s.indexOf('/') >= 0 || s.indexOf('\\') >= 0
                    || s.indexOf('\0') >= 0 || s.indexOf(':') >= 0) {
                throw notFound();
            }
            sb.append(sb.isEmpty() ? "" : "/").append(s);
        }
        return sb.toString();
    }

    private static Response serve(Context ctx, String name, Found found) throws IOException {
        long size = found.size();
        long modifiedSeconds = found.modifiedMillis() / 1000;
        String etag = "W/\"" + Long.toHexString(size) + "-" + Long.toHexString(found.modifiedMillis()) + "\"";
        String lastModified = HttpDates.format(modifiedSeconds);
        if (notModified(ctx, etag, modifiedSeconds)) {
            return Response.status(304).header("ETag", etag).header("Last-Modified", lastModified);
        }
        ByteRange range = rangeAsked(ctx, lastModified, size);
        if (range == ByteRange.UNSATISFIABLE) {
            return Response.error(416, "range not satisfiable").header("Content-Range", "bytes */" + size);
        }
        Response res;
        if (range == null) {
            res = Response.stream(found.open(), size, contentType(name));
        } else {
            InputStream in = found.open();
            try {
                in.skipNBytes(range.first());
            } catch (IOException e) {
                in.close();
                throw e;
            }
            res = Response.stream(ByteRange.limit(in, range.length()), range.length(), contentType(name))
                    .setStatus(206).header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
        }
        return res.header("Accept-Ranges", "bytes").header("ETag", etag).header("Last-Modified", lastModified);
    }

    /**
     * The range to send, or null for the whole file: a GET's {@code Range}, unless {@code If-Range} names another
     * version. Our ETags are weak, and If-Range compares strongly (RFC 9110 §13.1.5), so only the Last-Modified
     * date can keep a range.
     */
    private static ByteRange rangeAsked(Context ctx, String lastModified, long size) {
        if (!ctx.method().equals("GET")) {
            return null;
        }
        String ifRange = ctx.header("If-Range");
        if (ifRange != null && !ifRange.trim().equals(lastModified)) {
            return null;
        }
        return ByteRange.parse(ctx.header("Range"), size);
    }

    private static boolean notModified(Context ctx, String etag, long modifiedSeconds) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {   // when both are sent, the ETag decides (RFC 9110 13.2.2)
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || t.equals(etag) || ("W/" + t).equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        String since = ctx.header("If-Modified-Since");
        long sinceSeconds = since == null ? -1 : HttpDates.parse(since);
        return sinceSeconds >= 0 && sinceSeconds >= modifiedSeconds;
    }

    static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static HttpError notFound() {
        return HttpError.notFound("not found");
    }
}
