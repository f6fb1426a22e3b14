package io.spool.memes.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.MacroSyntax;
import io.spool.memes.model.MemeException;
import io.spool.memes.render.RenderResult;
import io.spool.memes.render.Renderer;
import io.spool.memes.render.RendererConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code caption TEMPLATE [TEXT…] -o FILE}, or rofld's one-argument form {@code caption 'chelsea{^top}{bottom}'}.
 * Plain texts are placed like a list of strings (1 → bottom; 2 → top, bottom; 3 → top, middle, bottom). The
 * request goes through the same parsing and validation as an HTTP request, so errors read the same.
 */
@Command(name = "caption", mixinStandardHelpOptions = true,
        description = "Render a captioned image to a file.")
final class CaptionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEMPLATE",
            description = "A template name, or a macro such as 'chelsea{^Top text}{Bottom text}'.")
    String template;

    @Parameters(index = "1..*", paramLabel = "TEXT", description = "Caption texts (1 to 3).")
    List<String> texts = List.of();

    @Option(names = {"-o", "--output"}, description = "Output file (default: TEMPLATE.EXT in this directory).")
    Path output;

    @Option(names = "--templates-dir", description = "A directory of extra templates (png, jpg, gif).")
    Path templatesDir;

    @Option(names = "--fonts-dir", description = "A directory of extra fonts (ttf, otf).")
    Path fontsDir;

    @Option(names = "--font", description = "Font name (default anton, alias impact).")
    String font;

    @Option(names = "--color", description = "Text colour: a CSS name or #rrggbb.")
    String color;

    @Option(names = "--outline", description = "Outline colour, or 'none'.")
    String outline;

    @Option(names = "--size", description = "Text size in pixels, 'shrink' or 'fit' (default).")
    String size;

    @Option(names = "--width", description = "Output width (at most 1024).")
    Integer width;

    @Option(names = "--height", description = "Output height (at most 1024).")
    Integer height;

    @Option(names = "--format", description = "png, jpeg or gif (default: the output file's extension, else the template's).")
    String format;

    @Option(names = "--list", description = "List the templates and fonts, then exit.")
    boolean list;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Renderer renderer = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(templatesDir).withFontsDir(fontsDir));
        if (list) {
            out.println("templates: " + String.join(", ", renderer.templates()));
            out.println("fonts: " + String.join(", ", renderer.fonts()));
            return 0;
        }
        if (template == null) {
            err.println("a TEMPLATE is required (see --list)");
            return 2;
        }
        try {
            RenderResult result = renderer.render(CaptionRequest.parse(requestTree()));
            Path file = output != null ? output : Path.of(templateName() + "." + result.format().extension());
            Files.write(file, result.bytes());
            out.println(file + ": " + result.width() + "x" + result.height() + " " + result.format()
                    + (result.frames() > 1 ? ", " + result.frames() + " frames" : "") + ", " + result.bytes().length + " bytes");
            return 0;
        } catch (MemeException e) {
            err.println("error: " + e.getMessage());
            return e.status() == 404 ? 3 : 2;
        }
    }

    private ObjectNode requestTree() {
        ObjectNode tree;
        if (MacroSyntax.isMacro(template)) {
            if (!texts.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "give captions either in the macro or as TEXT arguments, not both");
            }
            tree = MacroSyntax.parse(template);
        } else {
            tree = JsonNodeFactory.instance.objectNode().put("template", template);
            ArrayNode captions = tree.putArray("captions");
            texts.forEach(captions::add);
        }
        putIfSet(tree, "font", font);
        putIfSet(tree, "color", color);
        putIfSet(tree, "outline", outline);
        putIfSet(tree, "size", size);
        putIfSet(tree, "format", format != null ? format : formatOfOutput());
        if (width != null) {
            tree.put("width", width);
        }
        if (height != null) {
            tree.put("height", height);
        }
        return tree;
    }

    /** The format the output file's extension names, so {@code -o out.png} writes a PNG; null for none. */
    private String formatOfOutput() {
        String name = output == null ? "" : output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return List.of("png", "jpg", "jpeg", "gif").contains(ext) ? ext : null;
    }

    private String templateName() {
        int brace = template.indexOf('{');
        return brace < 0 ? template : template.substring(0, brace).replace("\\", "");
    }

    private static void putIfSet(ObjectNode tree, String field, String value) {
        if (value != null) {
            tree.put(field, value);
        }
    }
}
