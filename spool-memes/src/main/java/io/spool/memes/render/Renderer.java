package io.spool.memes.render;

import io.spool.memes.assets.Asset;
import io.spool.memes.assets.AssetStore;
import io.spool.memes.model.Caption;
import io.spool.memes.model.BadRequestException;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.model.LimitExceededException;
import io.spool.memes.model.NotFoundException;
import io.spool.memes.model.Overlay;
import io.spool.memes.model.TextBox;
import io.spool.memes.templates.BundledTemplates;
import io.spool.memes.templates.TemplateCatalog;
import io.spool.memes.templates.TemplateDirectory;
import io.spool.memes.templates.TemplateEntry;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The captioning engine: turns a {@link CaptionRequest} into an encoded image. Safe to call from any number of
 * threads at once (headless Java2D, shared immutable fonts and decoded templates, thread-safe caches) and
 * interruptible: it checks the interrupt flag before each caption and each frame, so a cancelled request stops
 * within one frame's work and throws {@link InterruptedException}. Errors a client caused are
 * {@link io.spool.memes.model.MemeException}s carrying their HTTP status.
 *
 * <p>Caches, each bounded by bytes: decoded templates (keyed by name and version), fonts, rasterised glyphs
 * ({@link GlyphMasks}), and finished results keyed by the normalised request and the template's version, which is
 * also what the ETag hashes.
 */
public final class Renderer {
    /** Bumped when rendering changes, so ETags from an older engine no longer match. */
    private static final String ENGINE_VERSION = "6";
    /** Rasterised glyphs kept: a caption font at one size takes well under 1 MiB. */
    private static final long GLYPH_CACHE_BYTES = 16L << 20;

    private final TemplateCatalog templates;
    private final Backgrounds backgrounds;
    private final AssetStore fontStore;
    private final FontCache fonts;
    private final RenderLimits limits;
    private final int jpegQuality;
    private final int gifQuality;
    private final BoundedCache<String, Template> decoded;
    private final BoundedCache<String, RenderResult> results;
    private final GlyphMasks glyphs = new GlyphMasks(GLYPH_CACHE_BYTES);
    private final LongAdder renders = new LongAdder();
    private final LongAdder framesDrawn = new LongAdder();

    private Renderer(RendererConfig config, TemplateCatalog templates, Backgrounds backgrounds) {
        this.templates = templates;
        this.backgrounds = backgrounds;
        this.fontStore = AssetStore.fonts(config.fontsDir());
        this.fonts = new FontCache(fontStore, config.fontCacheBytes());
        this.limits = config.limits();
        this.jpegQuality = config.jpegQuality();
        this.gifQuality = config.gifQuality();
        this.decoded = new BoundedCache<>("templates", config.templateCacheBytes(), Template::weight);
        this.results = new BoundedCache<>("results", config.resultCacheBytes(), r -> r.bytes().length);
    }

    /** A renderer of the bundled templates and those of the config's (watched) directory, without backgrounds. */
    public static Renderer create(RendererConfig config) {
        return create(config, defaultCatalog(config), Backgrounds.NONE);
    }

    /** A renderer of {@code templates}, finding requests' backgrounds with {@code backgrounds}. */
    public static Renderer create(RendererConfig config, TemplateCatalog templates, Backgrounds backgrounds) {
        return new Renderer(config, templates, backgrounds);
    }

    /** The bundled templates under those of the config's templates directory (watched), if it names one. */
    public static TemplateCatalog defaultCatalog(RendererConfig config) {
        List<io.spool.memes.templates.TemplateSource> sources = new ArrayList<>();
        if (config.templatesDir() != null) {
            sources.add(TemplateDirectory.watch(config.templatesDir()));
        }
        sources.add(new BundledTemplates());
        return new TemplateCatalog(sources);
    }

    /** Renders {@code request}, from the result cache when an equal request was rendered before. */
    public RenderResult render(CaptionRequest request) throws InterruptedException {
        checkInterrupted(); // first: loading a font or a file may swallow the flag
        Source from = source(request);
        Asset template = from.image();
        requireFonts(request);
        String key = cacheKey(request, from);
        RenderResult cached = results.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Template base = decoded.get(template.name() + "@" + template.version(),
                k -> new Template(ImageDecoder.decode(template.bytes(), limits)));
        Picture picture = base.picture();
        ImageFormat format = request.format() != null ? request.format() : picture.format();
        int[] size = outputSize(picture.width(), picture.height(), request.width(), request.height());
        List<TextBox> boxes = from.boxes();
        if (!boxes.isEmpty() && request.captions().size() > boxes.size()) {
            throw new BadRequestException("captions: template \"" + request.template() + "\" has "
                    + boxes.size() + " text boxes, and the request has " + request.captions().size() + " captions");
        }
        List<PaintedText> captions = boxes.isEmpty()
                ? new CaptionLayout(size[0], size[1], fonts).layout(request.captions())
                : new CaptionLayout(size[0], size[1], fonts).layoutInBoxes(request.captions(), boxes);
        List<Frame> source = format.animated() ? picture.frames() : picture.frames().subList(0, 1);
        if ((long) size[0] * size[1] * source.size() > limits.maxAnimationPixels()) {
            throw new LimitExceededException("the image would have " + (long) size[0] * size[1] * source.size()
                    + " pixels in all its frames; at most " + limits.maxAnimationPixels());
        }
        List<Frame> frames = new ArrayList<>(source.size());
        int type = ImageEncoder.imageType(format, picture.alpha());
        boolean sameSize = size[0] == picture.width() && size[1] == picture.height();
        List<BufferedImage> ready = sameSize ? base.frames(type) : null;
        // below full GIF quality the encoder posterizes true-colour frames instead (fewer levels, smaller files)
        // and so does a caption with emoji, whose colours the template's palette lacks
        boolean emoji = captions.stream().anyMatch(PaintedText::hasEmoji);
        List<PastedOverlay> overlays = decodedOverlays(from.overlays());
        // the palette and JPEG-row shortcuts assume only the captions differ from the template: not with overlays
        boolean onlyCaptions = overlays.isEmpty();
        List<IndexedFrame> indexed = sameSize && format == ImageFormat.GIF && gifQuality == 100 && !emoji && onlyCaptions
                ? base.indexed(type).orElse(null) : null;
        int[][] colours = captionColours(captions);
        // a still caption on the template as it is: painted on a spare copy of its frame, given back once encoded
        boolean captionedFrame = sameSize && onlyCaptions && type == BufferedImage.TYPE_3BYTE_BGR;
        boolean spareFrame = captionedFrame && source.size() == 1;
        for (int i = 0; i < source.size(); i++) {
            checkInterrupted();
            Frame frame = source.get(i);
            BufferedImage image = spareFrame ? base.borrowFirst(type) : sameSize ? Pixels.copy(ready.get(i))
                    : Template.convert(frame.image(), size[0], size[1], type);
            for (PastedOverlay overlay : overlays) {   // under the text, as memegen pastes them into the picture
                OverlayPainter.paste(image, overlay.picture(), overlay.area());
            }
            paint(image, captions, i, source.size());
            if (indexed != null) { // the GIF writer takes an indexed image as is, without quantizing it
                image = GifIndexer.index(image, ready.get(i), indexed.get(i), colours);
            }
            frames.add(new Frame(image, frame.delayCentis(), frame.disposal()));
            framesDrawn.increment();
        }
        checkInterrupted();
        byte[] bytes = null;
        // the rows the captions changed, found once: the JPEG and PNG splices redo only them, the spare frame gets
        // them back
        ChangedRows changed = captionedFrame ? ChangedRows.between(frames.getFirst().image(), ready.getFirst()) : null;
        if (format == ImageFormat.JPEG && captionedFrame) {
            // only the MCU rows under the captions are encoded; the template's other rows are reused
            JpegRows rows = base.jpegRows(jpegQuality).orElse(null);
            bytes = rows == null ? null : CaptionJpeg.encode(frames.getFirst().image(), changed, rows, jpegQuality);
        }
        if (format == ImageFormat.PNG && captionedFrame) {
            // only the bands of rows under the captions are deflated; the template's other bands are reused
            bytes = CaptionPng.encode(frames.getFirst().image(), changed, base.pngBands());
        }
        if (bytes == null) {
            bytes = ImageEncoder.encode(frames, format, picture.loops(), jpegQuality, gifQuality);
        }
        if (spareFrame) {
            base.giveBack(type, frames.getFirst().image(), changed);
        }
        if (bytes.length > limits.maxOutputBytes()) {
            throw new LimitExceededException("the image would be " + bytes.length + " bytes; at most "
                    + limits.maxOutputBytes() + " (ask for a smaller width or fewer frames)");
        }
        RenderResult result = new RenderResult(bytes, format, etag(key), size[0], size[1], frames.size());
        results.put(key, result);
        renders.increment();
        return result;
    }

    /** The ETag {@link #render} would give, without rendering: for answering If-None-Match cheaply. */
    public String etag(CaptionRequest request) throws InterruptedException {
        Source from = source(request);
        requireFonts(request);
        return etag(cacheKey(request, from));
    }

    /**
     * Throws what {@link #render} would throw for the request's template, background, overlays or fonts (a 404 or
     * 400 {@link io.spool.memes.model.MemeException}), without rendering or computing its cache key.
     */
    public void check(CaptionRequest request) throws InterruptedException {
        source(request);
        requireFonts(request);
    }

    /**
     * An unknown font is a 400 naming the parameter and the fonts there are, even when the result is cached (or
     * would be, for an ETag).
     */
    private void requireFonts(CaptionRequest request) {
        for (Caption c : request.captions()) {
            try {
                fontStore.get(c.font());
            } catch (NotFoundException e) {
                throw new BadRequestException("font: " + e.getMessage() + "; fonts are " + String.join(", ", fonts())
                        + ", and memegen's names " + String.join(", ", AssetStore.FONT_ALIASES));
            }
        }
    }

    /** The template called {@code name} as stored (its bytes unchanged); a 404 {@code NotFoundException} if none. */
    public Asset template(String name) {
        return templates.get(name).image();
    }

    /** Template names, sorted. */
    public List<String> templates() {
        return templates.names();
    }

    /** The catalogue this renderer draws from. */
    public TemplateCatalog catalog() {
        return templates;
    }

    /** The limits every picture is decoded under (uploads are checked against them too). */
    public RenderLimits limits() {
        return limits;
    }

    /** Font names, sorted. */
    public List<String> fonts() {
        return fontStore.names();
    }

    public RendererStats stats() {
        return new RendererStats(decoded.stats(), fonts.stats(), results.stats(), glyphs.stats(), renders.sum(),
                framesDrawn.sum());
    }

    /** Throws when the current thread was interrupted, clearing the flag as blocking methods do. */
    static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("render cancelled");
        }
    }

    private String cacheKey(CaptionRequest request, Source source) {
        return request.normalized() + "\n" + source.version() + "\n" + ENGINE_VERSION + "\n" + jpegQuality + "/" + gifQuality;
    }

    private static String etag(String key) {
        return '"' + AssetStore.hash(key.getBytes(StandardCharsets.UTF_8)) + '"';
    }

    /**
     * The requested size; one side alone keeps the aspect ratio (both scaled down further when the other side
     * would pass {@link CaptionRequest#MAX_DIMENSION}), both stretch, none keeps the template's.
     */
    static int[] outputSize(int templateWidth, int templateHeight, Integer width, Integer height) {
        if (width == null && height == null) {
            return new int[] {templateWidth, templateHeight};
        }
        if (width != null && height != null) {
            return new int[] {width, height};
        }
        double scale = width != null ? (double) width / templateWidth : (double) height / templateHeight;
        int max = CaptionRequest.MAX_DIMENSION;
        scale = Math.min(scale, Math.min((double) max / templateWidth, (double) max / templateHeight));
        return new int[] {side(templateWidth * scale), side(templateHeight * scale)};
    }

    private static int side(double pixels) {
        return (int) Math.max(1, Math.min(CaptionRequest.MAX_DIMENSION, Math.round(pixels)));
    }

    /** Each caption's fill and outline (the fill again when it has none), as opaque ARGB. */
    private static int[][] captionColours(List<PaintedText> captions) {
        int[][] colours = new int[captions.size()][];
        for (int i = 0; i < colours.length; i++) {
            PaintedText c = captions.get(i);
            int fill = c.fill().getRGB();
            colours[i] = new int[] {fill, c.outline() == null ? fill : c.outline().getRGB()};
        }
        return colours;
    }

    private void paint(BufferedImage image, List<PaintedText> captions, int frame, int frames) {
        for (PaintedText caption : captions) {
            if (caption.visibleAt(frame, frames)) {
                caption.paint(image, glyphs);
            }
        }
    }

    /** The picture a request is drawn on, the boxes its captions go in and the pictures pasted into its overlay areas. */
    private record Source(Asset image, String version, List<TextBox> boxes, List<Pasted> overlays) {
        Source(Asset image, String version, List<TextBox> boxes) {
            this(image, version, boxes, List.of());
        }
    }

    /** An overlay area and the (still encoded) picture a {@code ?style=URL} puts there. */
    private record Pasted(Overlay area, Asset image) {
    }

    /** An overlay area and its picture decoded (the first frame of an animated one). */
    private record PastedOverlay(Overlay area, BufferedImage picture) {
    }

    private List<PastedOverlay> decodedOverlays(List<Pasted> overlays) {
        List<PastedOverlay> decodedOnes = new ArrayList<>(overlays.size());
        for (Pasted p : overlays) {
            Template t = decoded.get(p.image().name() + "@" + p.image().version(),
                    k -> new Template(ImageDecoder.decode(p.image().bytes(), limits)));
            decodedOnes.add(new PastedOverlay(p.area(), t.picture().frames().getFirst().image()));
        }
        return decodedOnes;
    }

    /**
     * A template's picture with the overlay images of a {@code ?style=URL[,URL...]}: one URL goes into every overlay
     * area (as memegen's {@code embed} pastes it), several go into the areas in order.
     */
    private Source withOverlays(TemplateEntry entry, List<String> urls) throws InterruptedException {
        List<Overlay> areas = entry.info().overlays();
        if (areas.isEmpty()) {
            throw new BadRequestException("style: template \"" + entry.name() + "\" has no overlay areas, so it "
                    + "takes no overlay image URL; give the name of one of its styles instead");
        }
        if (urls.size() > 1 && urls.size() != areas.size()) {
            throw new BadRequestException("style: template \"" + entry.name() + "\" has " + areas.size()
                    + " overlay areas, and the request gives " + urls.size() + " overlay image URLs (give one, or one "
                    + "per area)");
        }
        List<Pasted> pasted = new ArrayList<>(areas.size());
        StringBuilder version = new StringBuilder(entry.version(null));
        for (int i = 0; i < areas.size(); i++) {
            Asset image = backgrounds.overlay(urls.get(urls.size() == 1 ? 0 : i));
            pasted.add(new Pasted(areas.get(i), image));
            version.append('/').append(image.version());   // the images' contents, so a changed image is a new key
        }
        return new Source(entry.image(), version.toString(), entry.info().boxes(), pasted);
    }

    /**
     * The request's picture: its background when it has one (the template, if it names one, still gives the boxes),
     * else the template's picture in the requested style.
     */
    private Source source(CaptionRequest request) throws InterruptedException {
        if (request.background() != null) {
            if (request.style() != null) {
                throw new BadRequestException("style: a request with a background has no "
                        + "template styles; give style or background, not both");
            }
            Asset image = backgrounds.resolve(request.background());
            // the template, if the request names one ("custom" need not exist), gives the boxes
            TemplateEntry boxed = request.template().equals(CaptionRequest.CUSTOM)
                    ? templates.find(CaptionRequest.CUSTOM).orElse(null) : templates.get(request.template());
            return boxed == null ? new Source(image, image.version(), List.of())
                    : new Source(image, image.version() + "/" + boxed.infoVersion(), boxed.info().boxes());
        }
        TemplateEntry entry = templates.get(request.template());
        List<String> urls = CaptionRequest.overlayUrls(request);
        if (!urls.isEmpty()) {
            return withOverlays(entry, urls);
        }
        return new Source(entry.image(request.style()), entry.version(request.style()), entry.info().boxes());
    }
}
