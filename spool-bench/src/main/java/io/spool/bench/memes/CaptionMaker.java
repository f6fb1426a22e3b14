package io.spool.bench.memes;

/**
 * One way of making a captioned image, measured by {@link MemesBench}: it must be safe to call from many client
 * threads at once and return the encoded image, failing on anything else.
 */
interface CaptionMaker extends AutoCloseable {
    String name();

    String about();

    byte[] caption(Workload workload, String top, String bottom) throws Exception;
}
