package io.spool.memes.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code spool-memes} command line: {@code caption} renders a meme locally, with no server, and
 * {@code serve} runs the HTTP service.
 */
@Command(name = "spool-memes", mixinStandardHelpOptions = true,
        description = "Put captions on pictures: PNG, JPEG and animated GIF.",
        subcommands = {CaptionCommand.class, ServeCommand.class})
public final class MemesCli {
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        return new CommandLine(new MemesCli()).execute(args);
    }
}
