package io.spool.bench.memes;

/**
 * One way of making a captioned image, measured by {@link MemesBench}: it must be safe to call from many client
 * threads at once and return the encoded image, failing on anything else.
 */
interface CaptionMaker extends AutoCloseable {
    String name();

    /** How it is run (versions, processes, settings), for the report's header. */
    String about();

    byte[] caption(Workload workload, String top, String bottom) throws Exception;

    /** CPU seconds used so far by every process that makes its captions (not the bench's clients). */
    double cpuSeconds();

    /** Whether it sizes and places text by spool-memes' rules, so its text must be about as wide as the service's. */
    boolean fitsTextLikeSpool();
}
