package io.spool.bench.memes;

/**
 * What one request asks for: a bundled template in one of the three output formats the service makes. The
 * PNG and JPEG templates are photographs of about the same size; the GIF is the generated eight-frame {@code spool}.
 */
enum Workload {
    PNG("camera", "png", "png"),
    JPEG("chelsea", "jpg", "jpeg"),
    GIF("spool", "gif", "gif");

    final String template;
    /** The template file's extension. */
    final String extension;
    /** The output format's name, as in {@code format=} and {@link ImageHeader#format()}. */
    final String format;

    Workload(String template, String extension, String format) {
        this.template = template;
        this.extension = extension;
        this.format = format;
    }

    /** The captions of request number {@code n}: unique, so that no result cache can answer them. */
    static String top(long n) {
        return "When the build is green " + n;
    }

    static String bottom(long n) {
        return "ship it";
    }
}
