package io.spool.memes.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spool.memes.assets.Asset;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.render.RenderResult;
import io.spool.memes.render.Renderer;
import io.spool.web.Context;
import io.spool.web.Response;
import io.spool.web.WebApp;

/**
 * The rofld-compatible routes: {@code GET /caption} (query string, nested {@code captions[0][text]} included),
 * {@code POST /caption} (JSON or urlencoded body), readable URLs {@code GET /images/{template}/{top}/{bottom}.png},
 * {@code GET /templates}, {@code GET /templates/{name}} (the template image itself) and {@code GET /fonts}. A
 * request is validated on its own virtual thread, answered 304 from its ETag when the client has the image, and
 * otherwise rendered on the {@link RenderPool}.
 */
final class CaptionRoutes {
    private final Renderer renderer;
    private final RenderPool pool;

    CaptionRoutes(Renderer renderer, RenderPool pool) {
        this.renderer = renderer;
        this.pool = pool;
    }

    void install(WebApp app) {
        app.get("/caption", ctx -> caption(ctx, RequestTrees.fromQuery(ctx)));
        app.post("/caption", ctx -> caption(ctx, RequestTrees.fromBody(ctx)));
        app.get("/images/{template}", ctx -> caption(ctx, RequestTrees.fromBlankImageUrl(ctx, ctx.pathParam("template"))));
        app.get("/images/{template}/*", ctx -> caption(ctx,
                RequestTrees.fromReadableUrl(ctx, ctx.pathParam("template"), ctx.pathParam("*"))));
        app.get("/templates", ctx -> renderer.templates());
        app.get("/fonts", ctx -> renderer.fonts());
        app.get("/templates/{name}", this::template);
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

    private Response template(Context ctx) {
        Asset asset = renderer.template(ctx.pathParam("name"));
        String etag = '"' + asset.version() + '"';
        if (ImageResponses.notModified(ctx, etag)) {
            return ImageResponses.notModifiedResponse(etag);
        }
        byte[] bytes = asset.bytes();
        String type = ImageFormat.detect(bytes).map(ImageFormat::mediaType).orElse("application/octet-stream");
        return ImageResponses.image(bytes, type, etag);
    }
}
