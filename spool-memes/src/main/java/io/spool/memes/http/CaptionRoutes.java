package io.spool.memes.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.render.RenderResult;
import io.spool.memes.render.Renderer;
import io.spool.web.Context;
import io.spool.web.Response;
import io.spool.web.WebApp;

/**
 * The rofld-compatible routes: {@code GET /caption} (query string, nested {@code captions[0][text]} included),
 * {@code POST /caption} (JSON or urlencoded body), readable URLs {@code GET /images/{template}/{top}/{bottom}.png},
 * and {@code GET /fonts} ({@link TemplateRoutes} serves the templates). A
 * request is validated on its own virtual thread, answered 304 from its ETag when the client has the image, and
 * otherwise rendered on the {@link RenderPool}.
 */
final class CaptionRoutes {
    private final Renderer renderer;
    private final RenderPool pool;

    private final int maxBodyBytes;

    CaptionRoutes(Renderer renderer, RenderPool pool, int maxBodyBytes) {
        this.renderer = renderer;
        this.maxBodyBytes = maxBodyBytes;
        this.pool = pool;
    }

    void install(WebApp app) {
        app.get("/caption", ctx -> caption(ctx, RequestTrees.fromQuery(ctx)));
        app.post("/caption", ctx -> caption(ctx, RequestTrees.fromBody(ctx, maxBodyBytes)));
        app.get("/images/{template}", ctx -> caption(ctx, RequestTrees.fromBlankImageUrl(ctx, ctx.pathParam("template"))));
        app.get("/images/{template}/*", ctx -> caption(ctx,
                RequestTrees.fromReadableUrl(ctx, ctx.pathParam("template"), ctx.pathParam("*"))));
        app.get("/fonts", ctx -> renderer.fonts());
    }

    private Response caption(Context ctx, ObjectNode tree) throws InterruptedException {
        CaptionRequest request = CaptionRequest.parse(tree);
        String etag = renderer.etag(request);
        if (ImageResponses.notModified(ctx, etag)) {
            return ImageResponses.notModifiedResponse(etag);
        }
        RenderResult result = pool.render(request);
        return ImageResponses.image(result.bytes(), result.mediaType(), result.etag());
    }
}
