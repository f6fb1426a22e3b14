package io.spool.memes.http;

import io.spool.memes.assets.Asset;
import io.spool.memes.model.BadRequestException;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.model.NotFoundException;
import io.spool.memes.model.ServiceException;
import io.spool.memes.model.TemplateInfo;
import io.spool.memes.templates.DatabaseTemplates;
import io.spool.memes.templates.MemegenConfig;
import io.spool.memes.templates.TemplateCatalog;
import io.spool.memes.templates.TemplateEntry;
import io.spool.web.Context;
import io.spool.web.FormPart;
import io.spool.web.Response;
import io.spool.web.WebApp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The template catalogue over HTTP. {@code GET /templates}: the names (rofld's answer), or with {@code ?details}
 * each template's metadata ({@link TemplateJson}); {@code ?filter=} keeps those whose name, title, keywords or
 * source contain it. {@code GET /templates/{name}}: the picture (as before), or its metadata when the name ends in
 * {@code .json} or the client accepts JSON and no image. {@code POST /templates} (201; 409 when the name is taken),
 * {@code PUT /templates/{name}} (create or replace) and {@code DELETE /templates/{name}} store templates in the
 * database, behind the {@link AdminToken}; the picture is the raw body (metadata in the query) or the file part
 * of a {@code multipart/form-data} body (metadata in its fields), checked by {@link ImageCheck}; the metadata is
 * {@code config} (memegen's config.yml, YAML or JSON) and/or {@code title}, {@code source}, {@code keywords}
 * (comma-separated or repeated), {@code example} (repeated). Anything else is a 400 naming it.
 */
final class TemplateRoutes {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> LIST_PARAMS = Set.of("filter", "details");
    private static final Set<String> UPLOAD_FIELDS = Set.of("name", "config", "title", "source", "keywords", "example");

    private final TemplateCatalog catalog;
    private final DatabaseTemplates database;
    private final AdminToken admin;
    private final ImageCheck check;
    private final ImageProbe probe = new ImageProbe();

    TemplateRoutes(TemplateCatalog catalog, DatabaseTemplates database, AdminToken admin, ImageCheck check) {
        this.catalog = catalog;
        this.database = database;
        this.admin = admin;
        this.check = check;
    }

    void install(WebApp app) {
        app.get("/templates", this::list);
        app.get("/templates/{name}", this::one);
        app.post("/templates", ctx -> upload(ctx, null));
        app.put("/templates/{name}", ctx -> upload(ctx, ctx.pathParam("name")));
        app.delete("/templates/{name}", this::delete);
    }

    private Object list(Context ctx) {
        for (String param : ctx.queryMap().keySet()) {
            if (!LIST_PARAMS.contains(param)) {
                throw new BadRequestException("unknown parameter `" + param + "` of GET /templates; expected filter or details");
            }
        }
        String filter = ctx.queryParam("filter");
        List<TemplateEntry> entries = catalog.all().stream()
                .filter(e -> filter == null || filter.isBlank() || e.info().matches(e.name(), filter.trim()))
                .toList();
        if (ctx.queryParam("details") == null) {
            return entries.stream().map(TemplateEntry::name).toList();
        }
        return entries.stream().map(e -> TemplateJson.of(e, probe.probe(e.image()))).toList();
    }

    private Object one(Context ctx) {
        if (!ctx.queryMap().isEmpty()) {
            throw new BadRequestException("unknown parameter `" + ctx.queryMap().keySet().iterator().next()
                    + "` of GET /templates/{name}: it takes none (add .json for the metadata)");
        }
        String raw = ctx.pathParam("name");
        int dot = raw.lastIndexOf('.');
        String extension = dot < 0 ? "" : raw.substring(dot + 1).toLowerCase(Locale.ROOT);
        String name = dot < 0 ? raw : raw.substring(0, dot);
        TemplateEntry entry = catalog.get(name.toLowerCase(Locale.ROOT));
        if (extension.equals("json") || extension.isEmpty() && wantsJson(ctx.header("Accept"))) {
            return TemplateJson.of(entry, probe.probe(entry.image()));
        }
        if (!extension.isEmpty() && !Set.of("png", "jpg", "jpeg", "gif").contains(extension)) {
            throw new BadRequestException("GET /templates/{name} answers the picture, or {name}.json its metadata; "
                    + "not ." + extension);
        }
        Asset asset = entry.image();
        String etag = '"' + asset.version() + '"';
        if (ImageResponses.notModified(ctx, etag)) {
            return ImageResponses.notModifiedResponse(etag);
        }
        byte[] bytes = asset.bytes();
        String type = ImageFormat.detect(bytes).map(ImageFormat::mediaType).orElse("application/octet-stream");
        return ImageResponses.image(bytes, type, etag);
    }

    /** JSON only when the client asks for it and for no image: browsers and curl keep getting the picture. */
    static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("application/json") && !a.contains("image/");
    }

    private Response upload(Context ctx, String pathName) throws InterruptedException, IOException {
        admin.check(ctx);
        DatabaseTemplates db = requireDatabase();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        byte[] image;
        if (ctx.contentType() != null && ctx.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            image = null;
            for (FormPart part : ctx.formParts()) {
                if (part.isFile()) {
                    if (image != null) {
                        throw new BadRequestException("send one image file per upload, not several");
                    }
                    image = part.bytes();
                } else {
                    fields.computeIfAbsent(part.name(), k -> new ArrayList<>()).add(part.text());
                }
            }
            if (image == null) {
                throw new BadRequestException("the multipart body has no file part: add the image as a file (-F image=@cat.jpg)");
            }
        } else {
            image = ctx.body();
            fields.putAll(ctx.queryMap());
        }
        for (String field : fields.keySet()) {
            if (!UPLOAD_FIELDS.contains(field)) {
                throw new BadRequestException("unknown field `" + field + "` of a template upload; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(UPLOAD_FIELDS)));
            }
        }
        String name = pathName != null ? pathName : single(fields, "name");
        if (pathName != null && fields.containsKey("name") && !single(fields, "name").equals(pathName)) {
            throw new BadRequestException("name: the path says \"" + pathName + "\" and the field another name");
        }
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadRequestException("name must be 1 to 64 lower-case letters, digits, '-' or '_', starting with a "
                    + "letter or digit" + (name == null ? " (give ?name=...)" : ", not \"" + name + "\""));
        }
        if (image == null || image.length == 0) {
            throw new BadRequestException("the upload has no image: send it as the body or as a multipart file");
        }
        TemplateInfo info = info(fields);
        ImageCheck.Summary summary = check.check(image, "the image");
        DatabaseTemplates.Stored row = new DatabaseTemplates.Stored(name, summary.format().mediaType(),
                summary.width(), summary.height(), summary.frames(), 0, info);
        boolean existed = db.stored(name).isPresent();
        boolean stored = db.put(row, image, pathName == null);
        if (!stored) {
            throw new ServiceException(409, "a template called \"" + name + "\" is already stored; PUT /templates/"
                    + name + " replaces it");
        }
        TemplateEntry entry = catalog.get(name);
        return Response.json(existed ? 200 : 201, TemplateJson.of(entry, summary))
                .header("Location", "/templates/" + name);
    }

    private static TemplateInfo info(Map<String, List<String>> fields) {
        String config = single(fields, "config");
        TemplateInfo base = config == null
                ? new TemplateInfo("", null, List.of(), List.of(), List.of(), Set.of(), List.of())
                : MemegenConfig.parse(config.getBytes(java.nio.charset.StandardCharsets.UTF_8), "config");
        String title = single(fields, "title");
        String source = single(fields, "source");
        List<String> keywords = fields.containsKey("keywords") ? fields.get("keywords").stream()
                .flatMap(k -> Arrays.stream(k.split(","))).map(String::trim).filter(k -> !k.isEmpty()).toList()
                : base.keywords();
        List<String> example = fields.containsKey("example") ? fields.get("example") : base.example();
        return new TemplateInfo(title != null ? title : base.title(), source != null ? source : base.source(),
                keywords, example, base.boxes(), Set.of(), base.overlays());
    }

    private static String single(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new BadRequestException("duplicate field `" + name + "`");
        }
        return values.getFirst();
    }

    private Response delete(Context ctx) {
        admin.check(ctx);
        DatabaseTemplates db = requireDatabase();
        String name = ctx.pathParam("name").toLowerCase(Locale.ROOT);
        if (!db.delete(name)) {
            if (catalog.find(name).isPresent()) {
                throw new ServiceException(409, "template \"" + name + "\" is " + catalog.get(name).origin()
                        + ", not stored in the database: remove it where it comes from");
            }
            throw new NotFoundException("no template called \"" + name + "\"");
        }
        return Response.status(204);
    }

    private DatabaseTemplates requireDatabase() {
        if (database == null) {
            throw new ServiceException(503, "templates are stored in the database, and this server runs without "
                    + "one: start it with --database-url (or without, for the embedded one)");
        }
        return database;
    }
}
