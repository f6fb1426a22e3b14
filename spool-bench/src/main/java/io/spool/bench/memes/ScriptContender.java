package io.spool.bench.memes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A contender whose captions come from a {@link ScriptServer} of the bench's, asked over HTTP like the service
 * and laying text out by spool-memes' rules.
 */
abstract class ScriptContender implements CaptionMaker {
    final ScriptServer server;
    private final CaptionClient client;

    ScriptContender(ScriptServer server) {
        this.server = server;
        this.client = new CaptionClient(server.port());
    }

    /**
     * The command line both scripts take: {@code INTERPRETER SCRIPT PORT PROCESSES FONT_FILE JPEG_QUALITY PNG_LEVEL
     * NAME=FILE...}, port 0.
     */
    static List<String> command(String interpreter, String script, int processes, BenchAssets assets,
                                EncoderSettings settings) {
        List<String> command = new ArrayList<>(List.of(interpreter, script, "0", Integer.toString(processes),
                assets.font.toString(), Integer.toString(settings.jpegQuality()), Integer.toString(settings.pngLevel())));
        command.addAll(assets.templateArguments());
        return command;
    }

    @Override
    public byte[] caption(Workload w, String top, String bottom) throws IOException, InterruptedException {
        return client.caption(w, top, bottom);
    }

    @Override
    public double cpuSeconds() {
        return server.cpuSeconds();
    }

    @Override
    public boolean fitsTextLikeSpool() {
        return true;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        client.close();
        server.close();
    }
}
