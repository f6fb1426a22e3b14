package io.spool.bench.web;

/**
 * The main class of a contender's own JVM: {@code Serve NAME PORT [h2c]} starts the contender (with HTTP/2 over
 * cleartext too when asked), prints {@code ready},
 * and serves until its standard input closes (the benchmark closes it, or dies), then stops the server and exits.
 */
public final class Serve {
    private Serve() {}

    public static void main(String[] args) throws Exception {
        WebContender contender = Contenders.named(args[0]);
        int port = Integer.parseInt(args[1]);
        boolean http2 = args.length > 2 && args[2].equals("h2c");
        try (AutoCloseable server = http2 ? contender.startHttp2(port) : contender.start(port)) {
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for end of input
            }
        }
        System.exit(0);  // some servers leave non-daemon threads behind
    }
}
