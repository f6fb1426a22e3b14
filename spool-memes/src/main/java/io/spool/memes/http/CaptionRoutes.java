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
 * {@code GET /fonts} ({@link TemplateRoutes} serves the templates), and a request bringing its own picture: a
 * multipart {@code POST /caption} or memegen's {@code POST /images} ({@link BodyImage}), the picture checked by
 * {@link ImageCheck} and kept by {@link UploadedImages} for its render. A
 * request is validated on its own virtual thread, answered 304 from its ETag when the client has the image, and
 * otherwise rendered on the {@link RenderPool}.
 */
final class CaptionRoutes {
    private final Renderer renderer;
    private final RenderPool pool;

    private final int maxBodyBytes;
    private final UploadedImages uploads;
    private final ImageCheck imageCheck;

    CaptionRoutes(Renderer renderer, RenderPool pool, int maxBodyBytes, UploadedImages uploads, ImageCheck imageCheck) {
        this.renderer = renderer;
        this.uploads = uploads;
        this.imageCheck = imageCheck;
        this.maxBodyBytes = maxBodyBytes;
        this.pool = pool;
    }

    void install(WebApp app) {
        app.get("/caption", ctx -> caption(ctx, RequestTrees.fromQuery(ctx)));
        app.post("/caption", ctx -> BodyImage.isMultipart(ctx) ? withImage(ctx, BodyImage.multipart(ctx, maxBodyBytes))
                : caption(ctx, RequestTrees.fromBody(ctx, maxBodyBytes)));
        app.post("/images", ctx -> {
            BodyImage body = BodyImage.isMultipart(ctx) ? BodyImage.multipart(ctx, maxBodyBytes)
                    : new BodyImage(RequestTrees.fromBody(ctx, maxBodyBytes), null);
            return withImage(ctx, new BodyImage(BodyImage.memegen(body.tree()), body.image()));
        });
        app.get("/images/{template}", ctx -> caption(ctx, RequestTrees.fromBlankImageUrl(ctx, ctx.pathParam("template"))));
        app.get("/images/{template}/*", ctx -> caption(ctx,
                RequestTrees.fromReadableUrl(ctx, ctx.pathParam("template"), ctx.pathParam("*"))));
        app.get("/fonts", ctx -> renderer.fonts());
    }

    /** A request whose picture came in its body (if it has one): the picture is its background. */
    private Response withImage(Context ctx, BodyImage body) throws InterruptedException {
        if (body.image() != null && !body.tree().has("template")) {
            body.tree().put("template", CaptionRequest.CUSTOM);   // memegen's name for "my own picture"
        }
        CaptionRequest request = CaptionRequest.parse(body.tree());
        if (body.image() == null) {
            return caption(ctx, request);
        }
        if (request.background() != null) {
            throw new io.spool.memes.model.BadRequestException("background: the request carries an image file; "
                    + "give the file or a background URL, not both");
        }
        imageCheck.check(body.image(), "the uploaded image");
        return caption(ctx, request.withBackground(uploads.put(body.image())));
    }

    private Response caption(Context ctx, ObjectNode tree) throws InterruptedException {
        return caption(ctx, CaptionRequest.parse(tree));
    }

    private Response caption(Context ctx, CaptionRequest request) throws InterruptedException {
        if (ImageResponses.asksNotModified(ctx)) {
            String etag = renderer.etag(request);
            if (ImageResponses.notModified(ctx, etag)) {
                return ImageResponses.notModifiedResponse(etag);
            }
        } else {
            renderer.check(request); // a bad request is answered at once, not after a wait for the pool
        }
        RenderResult result = pool.render(request);
        return ImageResponses.image(result.bytes(), result.mediaType(), result.etag());
    }
}
