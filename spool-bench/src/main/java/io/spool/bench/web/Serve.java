package io.spool.bench.web;

/**
 * The main class of a contender's own JVM: {@code Serve NAME PORT} starts the contender, prints {@code ready},
 * and serves until its standard input closes (the benchmark closes it, or dies), then stops the server and exits.
 */
public final class Serve {
    private Serve() {}

    public static void main(String[] args) throws Exception {
        WebContender contender = Contenders.named(args[0]);
        try (AutoCloseable server = contender.start(Integer.parseInt(args[1]))) {
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for end of input
            }
        }
        System.exit(0);  // some servers leave non-daemon threads behind
    }
}
