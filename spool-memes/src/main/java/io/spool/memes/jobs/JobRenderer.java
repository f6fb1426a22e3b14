package io.spool.memes.jobs;

import io.spool.memes.model.CaptionRequest;
import io.spool.memes.render.RenderResult;

/** How a job's image is made: the service passes its render pool, waiting for room rather than refusing. */
@FunctionalInterface
public interface JobRenderer {
    RenderResult render(CaptionRequest request) throws InterruptedException;
}
