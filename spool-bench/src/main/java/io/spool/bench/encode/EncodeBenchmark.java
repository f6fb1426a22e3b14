package io.spool.bench.encode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.render.ImageEncoder;
import io.spool.memes.render.Renderer;
import io.spool.memes.render.RendererConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./spool bench encode}: the encode step alone against a whole caption, one thread, for what
 * {@code ./spool bench memes} asks the service for (same templates, captions, size and quality). The
 * {@code encode*} benchmarks encode the finished captioned picture, drawn once by spool-memes' renderer: JPEG at the
 * service's quality through the JDK's ImageIO writer (as the service wrote them before it took libjpeg-turbo) and through libjpeg-turbo ({@link TurboJpeg}), PNG through the service's encoder, the animated GIF's palette frames through
 * ImageIO's GIF writer as the service hands them over. The {@code render*} benchmarks are the service's whole
 * caption in process: parse, layout, drawing, compositing and encoding of a unique caption, each call, by
 * spool-memes' own {@link Renderer} with the service's default settings. Each result carries the thread's CPU time
 * per operation ({@link CpuProfiler}) and, with the GC profiler, the bytes allocated per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class EncodeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Renderer renderer;
    private CaptionedPictures pictures;
    private TurboJpeg turbo;
    private long sequence = 1_000_000;

    @Setup
    public void setUp() throws Exception {
        renderer = Renderer.create(RendererConfig.DEFAULT);
        pictures = CaptionedPictures.draw(renderer, request(Workload.JPEG), request(Workload.PNG), request(Workload.GIF));
        turbo = TurboJpeg.of(pictures.jpeg().image(), RendererConfig.DEFAULT.jpegQuality());
        System.out.printf("%n  bytes: service jpeg %,d, imageio jpeg %s, libjpeg-turbo jpeg %,d; service png %,d; "
                        + "service gif %,d, re-encoded gif %,d%n",
                renderer.render(request(Workload.JPEG)).bytes().length, jdkJpegSize(), encodeJpegTurbo().length,
                encodePng().length, renderer.render(request(Workload.GIF)).bytes().length, encodeGif().length);
    }

    /** The JDK writer's size, or why there is none: an older spool-memes build on the class path, for a before/after. */
    private String jdkJpegSize() {
        try {
            return String.format("%,d", encodeJpegImageIo().length);
        } catch (NoSuchMethodError e) {
            return "- (ImageEncoder.jdkJpeg is not in this spool-memes build)";
        }
    }

    @TearDown
    public void tearDown() {
        turbo.close();
    }

    @Benchmark
    public byte[] encodeJpegImageIo() {
        return ImageEncoder.jdkJpeg(pictures.jpeg().image(), RendererConfig.DEFAULT.jpegQuality());
    }

    @Benchmark
    public byte[] encodeJpegTurbo() {
        return turbo.encode();
    }

    @Benchmark
    public byte[] encodePng() {
        return ImageEncoder.encode(List.of(pictures.png()), ImageFormat.PNG, 0);
    }

    @Benchmark
    public byte[] encodeGif() {
        return ImageEncoder.encode(pictures.gif(), ImageFormat.GIF, pictures.gifLoops());
    }

    @Benchmark
    public byte[] renderJpeg() throws InterruptedException {
        return render(Workload.JPEG);
    }

    @Benchmark
    public byte[] renderPng() throws InterruptedException {
        return render(Workload.PNG);
    }

    @Benchmark
    public byte[] renderGif() throws InterruptedException {
        return render(Workload.GIF);
    }

    private byte[] render(Workload w) throws InterruptedException {
        return renderer.render(request(w, ++sequence)).bytes();
    }

    /** What {@code ./spool bench memes} sends for caption number {@code n}, as the service parses it. */
    static CaptionRequest request(Workload w, long n) {
        ObjectNode tree = JSON.createObjectNode().put("template", w.template).put("format", w.format)
                .put("top_text", "When the build is green " + n).put("bottom_text", "ship it");
        return CaptionRequest.parse(tree);
    }

    private static CaptionRequest request(Workload w) {
        return request(w, 1_000_000);
    }

    /** The templates and formats of {@code ./spool bench memes}. */
    enum Workload {
        PNG("camera", "png"),
        JPEG("chelsea", "jpeg"),
        GIF("spool", "gif");

        final String template;
        final String format;

        Workload(String template, String format) {
            this.template = template;
            this.format = format;
        }
    }

    public static void main(String[] args) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder().include(EncodeBenchmark.class.getName() + "\\."
                + (args.length > 0 ? "(" + String.join("|", args) + ")" : ""));
        new Runner(options.addProfiler(GCProfiler.class).addProfiler(CpuProfiler.class).build()).run();
    }
}
