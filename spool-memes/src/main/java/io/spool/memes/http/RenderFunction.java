package io.spool.memes.http;

import io.spool.memes.model.CaptionRequest;
import io.spool.memes.render.RenderResult;

/**
 * What the {@link RenderPool} runs for one request: normally {@code renderer::render}. It must stop with an
 * {@link InterruptedException} soon after its thread is interrupted. Tests wrap it (to make a render slow, or to
 * watch the thread it runs on) without changing anything else of the service.
 */
@FunctionalInterface
public interface RenderFunction {
    RenderResult render(CaptionRequest request) throws InterruptedException;
}
