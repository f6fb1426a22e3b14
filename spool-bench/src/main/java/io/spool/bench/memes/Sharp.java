package io.spool.bench.memes;

import io.spool.bench.NodePackages;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * sharp (libvips, from npm) as its users caption: {@code sharp-server.cjs}, a Node HTTP server written for the bench,
 * lays the text out (opentype.js measures it in the font file), draws it as an SVG overlay that librsvg renders
 * in Anton through the bench's own {@code fonts.conf}, composites it onto the template (every frame of the GIF,
 * read with {@code animated: true}) and encodes at the service's settings. It runs as a Node cluster of one
 * worker per core: each worker's JavaScript thread then lays out and answers while its libuv threads run libvips.
 */
final class Sharp extends ScriptContender {
    static final String SCRIPT = "sharp-server.cjs";
    /** Pinned: sharp 0.35.6 ships libvips 8.18 for linux-x64 in its {@code @img/*} packages and runs on Node 20.9+. */
    static final NodePackages PACKAGES = new NodePackages("memes bench",
            Map.of("sharp", "0.35.6", "opentype.js", "1.3.4"), Sharp.class, List.of(SCRIPT));

    private Sharp(ScriptServer server) {
        super(server);
    }

    /** Installs the packages if needed and starts {@code workers} cluster workers. */
    static Sharp start(BenchAssets assets, int workers, EncoderSettings settings) throws IOException, InterruptedException {
        var dir = PACKAGES.ensure();
        return new Sharp(ScriptServer.start("sharp", command("node", SCRIPT, workers, assets, settings), dir,
                Map.of("FONTCONFIG_FILE", assets.fontsConf.toString())));
    }

    @Override
    public String name() {
        return "sharp";
    }

    @Override
    public String about() {
        return server.versions() + "; SVG text overlay, composite, jpeg({quality, optimiseCoding: false}), "
                + "png({compressionLevel}), gif() on animated: true input";
    }
}
